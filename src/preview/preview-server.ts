/**
 * bulletin preview: serves the HTML bulletin on localhost and reloads it
 * when an input file, a template or the configuration changes. The page
 * around the bulletin (ours, not the data's) shows the findings on top and
 * listens for reloads; the bulletin itself stays script-free in an iframe.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileError, type ValidationIssue } from '../model/issues.js';
import { isBulletinError } from '../model/errors.js';
import { quarterId } from '../model/quarter.js';
import { buildBulletin, type BuildOptions } from '../pipeline/build.js';
import { packageRoot } from '../config/package-root.js';
import { listen } from './listen-port.js';
import { previewPage, reloadMessage, type PageState } from './preview-page.js';
import { oneAtATime, quietPeriod } from './rebuild-schedule.js';
import { watchInputs } from './watch-inputs.js';

export interface PreviewOptions extends Omit<BuildOptions, 'outDir' | 'formats'> {
  host: string;
  port: number;
  /** When the port is busy: try the next ones (the default port) or refuse (a port the user chose). */
  portFallback: boolean;
  /** Extra files to watch (the configuration file), beside the quarter's folder and the templates. */
  watchPaths: string[];
  /**
   * Read again before each rebuild: the configuration file may have been saved. Its
   * failure (a configuration that no longer parses) shows on the page as a finding.
   */
  settings?: () => Promise<Pick<BuildOptions, 'config' | 'dataDir' | 'templatesDir' | 'streamBytes'>>;
  /** ok: the page shows this version (a draft when `draft`), else still the last one that built. */
  onRebuild?: (ok: boolean, issues: ValidationIssue[], draft: boolean, timing: RebuildTiming) => void;
}

/** Where a rebuild's time went (BULLETIN_DEBUG shows it): what issue 15's one-second target is made of. */
export interface RebuildTiming {
  /** From the first file event of the save to the build's start (the quiet period, a build still running); null for the first build. */
  waitedMs: number | null;
  /** From the build's start to the page being told to reload. */
  buildMs: number;
}

export interface Preview {
  url: string;
  /** The port asked for, when it was busy and another was taken. */
  busyPort: number | null;
  close: () => Promise<void>;
}

export async function startPreview(opts: PreviewOptions): Promise<Preview> {
  const out = await mkdtemp(join(opts.tempDir ?? tmpdir(), 'bulletin-preview-'));
  try {
    return await serve(opts, out);
  } catch (e) {
    await rm(out, { recursive: true, force: true });
    throw e;
  }
}

interface PreviewState {
  version: number;
  html: string;
  issues: ValidationIssue[];
  ok: boolean;
  draft: boolean;
}

/** A build that threw (not one with findings) still shows on the page, as one finding. */
function buildFailure(id: string, e: unknown): ValidationIssue {
  if (isBulletinError(e)) return fileError(id, e.code, e.message, e.hint ?? '');
  return fileError(
    id,
    'preview.build',
    `内部错误（这是 bulletin 的问题，不是您的数据的问题）：${(e as Error).message}`,
    '请把这条信息报告给维护者；改正或保存文件后预览会再试。',
  );
}

const pageState = (id: string, s: PreviewState): PageState => ({ ...s, title: `${id} 公报预览` });

/** The page, the bulletin in its iframe, and the event stream that tells the page to reload. */
function previewServer(id: string, state: () => PreviewState, clients: Set<ServerResponse>): Server {
  return createServer((req, res) => {
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
      res.end(state().html);
    } else if (path === '/' || path === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(previewPage(pageState(id, state())));
    } else {
      res.writeHead(404).end();
    }
  });
}

async function serve(opts: PreviewOptions, out: string): Promise<Preview> {
  const id = quarterId(opts.quarter);
  let state: PreviewState = { version: 0, html: '<p>正在生成……</p>', issues: [], ok: false, draft: false };
  const clients = new Set<ServerResponse>();
  let firstChange: number | null = null;
  /** The new state: the build's, or (a build that threw) the last page with the failure as its finding. */
  const built = async (): Promise<PreviewState> => {
    try {
      // Unfinished content shows as a stamped draft with its findings, not as the previous version.
      const current = opts.settings ? { ...opts, ...(await opts.settings()) } : opts;
      const r = await buildBulletin({ ...current, outDir: out, formats: ['html'], draft: 'when-unfinished' });
      const file = r.outputs.find((o) => o.endsWith('.html'));
      const html = r.ok && file ? await readFile(file, 'utf8') : state.html;
      return { version: state.version + 1, html, issues: r.issues, ok: r.ok, draft: r.draft };
    } catch (e) {
      return { ...state, version: state.version + 1, issues: [buildFailure(id, e)], ok: false, draft: false };
    }
  };
  const rebuild = async () => {
    const started = performance.now();
    const waitedMs = firstChange === null ? null : started - firstChange;
    firstChange = null;
    state = await built();
    // The page first, then the terminal.
    const message = reloadMessage(pageState(id, state));
    for (const c of clients) c.write(message);
    opts.onRebuild?.(state.ok, state.issues, state.draft, { waitedMs, buildMs: performance.now() - started });
  };
  const rebuilds = oneAtATime(rebuild);
  const server = previewServer(id, () => state, clients);
  // Watching first: a watch that cannot start fails before the port is taken, with nothing to undo.
  // A rebuild once the save has ended (rebuild-schedule.ts).
  const quiet = quietPeriod(() => void rebuilds.trigger());
  const folders = [
    join(opts.dataDir, id),
    join(packageRoot(), 'templates'),
    ...(opts.templatesDir ? [opts.templatesDir] : []),
  ];
  const watcher = watchInputs(folders, opts.watchPaths, () => {
    firstChange ??= performance.now();
    quiet.changed();
  });
  const unwatch = () => {
    quiet.cancel();
    watcher.close();
  };
  const port = await listen(server, opts.port, opts.host, opts.portFallback).catch((e: unknown) => {
    unwatch();
    throw e;
  });
  await rebuilds.trigger();
  return {
    url: `http://${opts.host}:${port}/`,
    busyPort: opts.port !== 0 && port !== opts.port ? opts.port : null,
    close: async () => {
      unwatch();
      await rebuilds.stop();
      for (const c of clients) c.end();
      await new Promise<void>((done) => server.close(() => done()));
      await rm(out, { recursive: true, force: true });
    },
  };
}
