/**
 * bulletin preview: serves the HTML bulletin on localhost and reloads it
 * when an input file, a template or the configuration changes. The page
 * around the bulletin (ours, not the data's) shows the findings on top and
 * listens for reloads; the bulletin itself stays script-free in an iframe.
 */
import { watch, type FSWatcher } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ValidationIssue } from '../model/issues.js';
import { quarterId } from '../model/quarter.js';
import { buildBulletin, type BuildOptions } from './build.js';
import { packageRoot } from './package-root.js';
import { listen } from './listen-port.js';

export interface PreviewOptions extends Omit<BuildOptions, 'outDir' | 'formats'> {
  host: string;
  port: number;
  /** When the port is busy: try the next ones (the default port) or refuse (a port the user chose). */
  portFallback: boolean;
  /** Extra files or folders to watch (e.g. the configuration file). */
  watchPaths: string[];
  /** ok: the page shows this version (a draft when `draft`), else still the last one that built. */
  onRebuild?: (ok: boolean, issues: ValidationIssue[], draft: boolean) => void;
}

export interface Preview {
  url: string;
  /** The port asked for, when it was busy and another was taken. */
  busyPort: number | null;
  close: () => Promise<void>;
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

function status(ok: boolean, draft: boolean): string {
  if (!ok) return '数据有错误，显示的是上一次生成的版本';
  return draft ? '草稿：数据还有下列错误，改正后才能生成正式版' : '已更新';
}

function page(title: string, version: number, issues: readonly ValidationIssue[], ok: boolean, draft: boolean): string {
  const items = issues
    .map(
      (i) =>
        `<li class="${i.severity}">${i.severity === 'error' ? '错误' : '警告'} ${esc(i.file)}${i.row ? ` 第 ${i.row} 行` : ''}${i.column ? ` ${i.column} 列` : ''}：${esc(i.message)}${i.hint ? `<br><span class="hint">→ ${esc(i.hint)}</span>` : ''}</li>`,
    )
    .join('');
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{margin:0;font-family:sans-serif}header{padding:6px 12px;background:#f5f5f5;border-bottom:1px solid #ccc}ul{margin:4px 0;padding-left:20px}.error{color:#b00}.warning{color:#8a6d00}.hint{color:#555}iframe{border:0;width:100%;height:calc(100vh - 60px)}</style></head>
<body><header><strong>${esc(title)}</strong> <span id="status">${status(ok, draft)}</span> <span id="version">#${version}</span>${items ? `<ul id="findings">${items}</ul>` : ''}</header>
<iframe id="bulletin" src="/bulletin.html?v=${version}" title="公报"></iframe>
<script>new EventSource('/events').onmessage = function () { location.reload(); };</script></body></html>`;
}

export async function startPreview(opts: PreviewOptions): Promise<Preview> {
  const out = await mkdtemp(join(tmpdir(), 'bulletin-preview-'));
  try {
    return await serve(opts, out);
  } catch (e) {
    await rm(out, { recursive: true, force: true });
    throw e;
  }
}

async function serve(opts: PreviewOptions, out: string): Promise<Preview> {
  const id = quarterId(opts.quarter);
  let state = { version: 0, html: '<p>正在生成……</p>', issues: [] as ValidationIssue[], ok: false, draft: false };
  const clients = new Set<import('node:http').ServerResponse>();
  const rebuild = async () => {
    try {
      // Unfinished content shows as a stamped draft with its findings, not as the previous version.
      const r = await buildBulletin({ ...opts, outDir: out, formats: ['html'], draft: 'when-unfinished' });
      const file = r.outputs.find((o) => o.endsWith('.html'));
      const html = r.ok && file ? await readFile(file, 'utf8') : state.html;
      state = { version: state.version + 1, html, issues: r.issues, ok: r.ok, draft: r.draft };
      opts.onRebuild?.(r.ok, r.issues, r.draft);
    } catch (e) {
      const issue: ValidationIssue = {
        severity: 'error',
        code: 'preview.build',
        file: id,
        sheet: null,
        row: null,
        column: null,
        header: null,
        value: null,
        message: (e as Error).message,
        hint: '',
      };
      state = { ...state, version: state.version + 1, issues: [issue], ok: false };
      opts.onRebuild?.(false, [issue], false);
    }
    for (const c of clients) c.write(`data: ${state.version}\n\n`);
  };
  // One rebuild at a time: a save during a rebuild queues exactly one more.
  let running: Promise<void> | null = null;
  let pending = false;
  const trigger = (): Promise<void> => {
    if (running) {
      pending = true;
      return running;
    }
    running = rebuild().finally(() => {
      running = null;
      if (pending) {
        pending = false;
        void trigger();
      }
    });
    return running;
  };

  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/events') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
    } else if (path === '/bulletin.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(state.html);
    } else if (path === '/' || path === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(page(`${id} 公报预览`, state.version, state.issues, state.ok, state.draft));
    } else {
      res.writeHead(404).end();
    }
  });
  const port = await listen(server, opts.port, opts.host, opts.portFallback);
  await trigger();

  let timer: NodeJS.Timeout | null = null;
  const changed = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void trigger(), 200);
  };
  const watched = [
    join(opts.dataDir, id),
    join(packageRoot(), 'templates'),
    ...(opts.templatesDir ? [opts.templatesDir] : []),
    ...opts.watchPaths,
  ];
  const watchers: FSWatcher[] = watched.flatMap((p) => {
    try {
      return [watch(p, { recursive: true }, changed)];
    } catch {
      return [];
    }
  });
  return {
    url: `http://${opts.host}:${port}/`,
    busyPort: opts.port !== 0 && port !== opts.port ? opts.port : null,
    close: async () => {
      if (timer) clearTimeout(timer);
      watchers.forEach((w) => w.close());
      pending = false;
      await running;
      for (const c of clients) c.end();
      await new Promise<void>((done) => server.close(() => done()));
      await rm(out, { recursive: true, force: true });
    },
  };
}
