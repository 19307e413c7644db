/**
 * What a build ends with when printing fails: the right code, exit code and
 * Chinese message with its hint (as the CLI prints it), the browser closed,
 * its folder gone, and the earlier outputs untouched. The failures are
 * injected (a fake Printer, or the real printer on a fake Chromium): no
 * browser, no sleeps.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { debugDetail, failureOf, failureText } from '../../src/cli/failure.js';
import type { CliIo } from '../../src/cli/io.js';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { BulletinError } from '../../src/model/errors.js';
import { buildBulletin, type BuildOptions } from '../../src/pipeline/build.js';
import { ROOT, tempDir } from '../helpers/cli.js';
import { fakeLauncher, type FakeScript } from '../helpers/fake-chromium.js';
import { fakePrinter, headingsOf, pdfWithBookmarks } from '../helpers/fake-printer.js';

const io = (env: NodeJS.ProcessEnv = {}): CliIo => ({
  stdout: () => undefined,
  stderr: () => undefined,
  cwd: ROOT,
  env,
  isTty: false,
});

/** An output folder holding an earlier build, to check that a failed one leaves it as it was. */
function earlierOutputs(): { out: string; unchanged: () => void } {
  const out = tempDir('build-failures-');
  mkdirSync(join(out, '2022Q3'));
  writeFileSync(join(out, '2022Q3', 'bulletin.pdf'), 'old pdf');
  writeFileSync(join(out, '2022Q3', 'stats.json'), 'old stats');
  return {
    out,
    unchanged: () => {
      expect(readdirSync(out)).toEqual(['2022Q3']);
      expect(readdirSync(join(out, '2022Q3')).sort()).toEqual(['bulletin.pdf', 'stats.json']);
      expect(readFileSync(join(out, '2022Q3', 'bulletin.pdf'), 'utf8')).toBe('old pdf');
      expect(readFileSync(join(out, '2022Q3', 'stats.json'), 'utf8')).toBe('old stats');
    },
  };
}

const options = (out: string): BuildOptions => ({
  quarter: { year: 2022, quarter: 3 },
  dataDir: join(ROOT, 'data'),
  outDir: out,
  formats: ['pdf'],
  config: DEFAULT_CONFIG,
  cwd: tempDir(),
  cacheDir: null,
  env: {},
});

/** The build's failure as the CLI reports it. */
async function failed(build: Promise<unknown>) {
  const e = await build.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(BulletinError);
  const f = failureOf(e, io());
  return { e: e as BulletinError, exitCode: f.exitCode, text: failureText(f) };
}

describe('a layout the printer cannot settle', () => {
  it('bookmarks that move on every print: exit 4 after the last pass, the job closed, nothing written', async () => {
    const { out, unchanged } = earlierOutputs();
    const { printer, state } = fakePrinter(async (pass, html) =>
      pdfWithBookmarks(
        12,
        headingsOf(html).map((title) => ({ title, page: pass })),
      ),
    );
    const r = await failed(buildBulletin({ ...options(out), printer }));
    expect(r.e.code).toBe('render.layout.unstable');
    expect(r.exitCode).toBe(4);
    expect(r.text).toBe(
      '错误：排版没有稳定下来：目录中的页码与正文实际所在页反复变化。\n  → 请报告此问题；可暂时用 --format html 生成 HTML。\n',
    );
    expect(state).toEqual({ opened: 1, printed: 8, jobsClosed: 1, closed: 0 }); // the owner closes a shared printer
    unchanged();
  });

  it('contents headings the PDF does not have: exit 4 naming them, the job closed, nothing written', async () => {
    const { out, unchanged } = earlierOutputs();
    let headings: string[] = [];
    const { printer, state } = fakePrinter(async (_pass, html) => {
      headings = headingsOf(html);
      return pdfWithBookmarks(3, []);
    });
    const r = await failed(buildBulletin({ ...options(out), printer }));
    expect(r.e.code).toBe('render.toc.unresolved');
    expect(r.exitCode).toBe(4);
    expect(r.text).toMatch(
      /^错误：目录中的这些标题在 PDF 中找不到所在页：.+。\n {2}→ 请报告此问题；可暂时用 --format html 生成 HTML。\n$/,
    );
    expect(headings.length).toBeGreaterThan(0);
    // Titles may hold “、” themselves: the message is checked for the headings it names, not split.
    // The printed headings join each word's characters with U+2060 (headline-words.ts); the message does not.
    const said = r.e.message.replace(/\s+/g, '');
    expect(headings.filter((h) => said.includes(h.replaceAll('\u2060', ''))).length).toBeGreaterThan(0);
    expect(state.jobsClosed).toBe(1);
    unchanged();
  });
});

/** The build's own printer on a fake Chromium: whether the browser is closed when the build fails. */
async function onFakeChromium(script: FakeScript, extra: Partial<BuildOptions> = {}) {
  const { out, unchanged } = earlierOutputs();
  const { launcher, record } = fakeLauncher(script);
  const build = buildBulletin({
    ...options(out),
    launcher,
    browsers: [{ path: process.execPath, source: '--browser' }],
    ...extra,
  });
  const r = await failed(build);
  const runDir = record.requests[0]?.runDir;
  expect(runDir, 'the browser was launched in a run folder').toBeDefined();
  expect(existsSync(runDir!), 'the run folder is removed').toBe(false);
  unchanged();
  return { ...r, record };
}

describe('the browser is closed after a failed build', () => {
  it('a print error: exit 4, the browser asked to quit (not killed), English only under BULLETIN_DEBUG', async () => {
    const english = new Error('Protocol error (Page.printToPDF): Printing failed');
    const r = await onFakeChromium({ pdf: [english] });
    expect(r.e.code).toBe('browser.print');
    expect(r.exitCode).toBe(4);
    expect(r.text).toMatch(/^错误：浏览器在“第 1 遍排版”时出错，没有生成 PDF。\n {2}→ .+\n$/);
    expect(r.text).not.toContain('Protocol');
    expect(debugDetail(r.e, io({ BULLETIN_DEBUG: '1' }))).toContain('Printing failed');
    expect(r.record.calls.at(-1)).toBe('close');
    expect(r.record.killed).toBe(0);
  });

  it('a launch error: exit 4, “did not start” with the install hint, nothing left running', async () => {
    const r = await onFakeChromium({ launch: new Error('spawn EACCES') });
    expect(r.e.code).toBe('browser.launch');
    expect(r.exitCode).toBe(4);
    expect(r.text).toContain(`错误：浏览器没有启动：${process.execPath} 无法运行，或启动后立即退出了。\n  → `);
    expect(r.text).not.toContain('EACCES');
    expect(r.record.calls).toEqual([]);
  });

  it('a print that never comes back: exit 4 naming the pass, the browser killed', async () => {
    const r = await onFakeChromium({ pdf: ['hang'] }, { timeoutMs: 40, buildTimeoutMs: 600_000 });
    expect(r.e.code).toBe('browser.timeout');
    expect(r.exitCode).toBe(4);
    expect(r.text).toMatch(
      /^错误：浏览器在“第 1 遍排版”时停止响应：40 毫秒内没有应答，已强制结束浏览器。\n {2}→ .*输出文件夹保持原样/,
    );
    expect(r.record.killed).toBe(1);
  });
});
