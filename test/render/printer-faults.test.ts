import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BulletinError } from '../../src/model/errors.js';
import { createPrinter } from '../../src/render/browser.js';
import { ChromiumGone } from '../../src/render/chromium.js';
import { tempDir } from '../helpers/cli.js';
import { FAKE_PDF, fakeLauncher, type FakeScript } from '../helpers/fake-chromium.js';

const HTML = (body: string) => `<html><head><style>p{}</style></head><body><p>${body}</p></body></html>`;

/** A printer on a fake browser, with limits small enough that a stall is seen at once. */
function printer(script: FakeScript, timeoutMs = 40) {
  const { launcher, record } = fakeLauncher(script);
  const root = tempDir('printer-faults-');
  const p = createPrinter({
    launcher,
    tempRoot: root,
    timeoutMs,
    closeGraceMs: 40,
    executablePath: process.execPath,
  });
  return { p, record, root, runFolders: () => readdirSync(root) };
}

async function failure(work: Promise<unknown>): Promise<BulletinError> {
  const e = await work.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(BulletinError);
  return e as BulletinError;
}

describe('printer: a browser that stops answering', () => {
  it('a hung launch says the browser stopped answering while starting, not “install Chromium”, and kills it', async () => {
    const { p, record, runFolders } = printer({ launch: 'hang' });
    const e = await failure(p.open());
    expect(e.code).toBe('browser.timeout');
    expect(e.kind).toBe('browser');
    expect(e.message).toBe('浏览器在“启动浏览器”时停止响应：40 毫秒内没有应答，已强制结束浏览器。');
    expect(`${e.message}${e.hint}`).not.toMatch(/apt-get|安装/);
    // Puppeteer kills a browser still starting when its signal is aborted.
    expect(record.requests[0]!.signal.aborted).toBe(true);
    expect(runFolders()).toEqual([]);
    await p.close();
  });

  it('names the pass whose body swap stalled (第 2 遍排版), kills the browser and removes its folder', async () => {
    const { p, record, runFolders } = printer({ replaceBody: 'hang' });
    const job = await p.open();
    expect(await job.print(HTML('one'))).toBe(FAKE_PDF);
    expect(runFolders()).toHaveLength(1);
    const e = await failure(job.print(HTML('two')));
    expect(e.code).toBe('browser.timeout');
    expect(e.message).toContain('浏览器在“第 2 遍排版”时停止响应');
    expect(e.hint).toContain('输出文件夹保持原样');
    expect(record.killed).toBe(1);
    expect(runFolders()).toEqual([]);
    // Later calls fail the same way at once, without touching the dead browser again.
    const calls = record.calls.length;
    await expect(job.print(HTML('three'))).rejects.toBe(e);
    await job.close();
    await p.close();
    expect(record.calls.slice(calls)).toEqual([]);
    expect(record.killed).toBe(1);
  });

  it.each([
    ['newPage', { newPage: 'hang' }, '打开页面'],
    ['lockDown', { lockDown: 'hang' }, '准备页面'],
    ['load', { load: 'hang' }, '第 1 遍排版'],
    ['pdf', { pdf: ['hang'] }, '第 1 遍排版'],
  ] as Array<[string, FakeScript, string]>)('bounds %s', async (_name, script, step) => {
    const { p, record } = printer(script);
    const e = await failure(p.open().then((job) => job.print(HTML('one'))));
    expect(e.message).toContain(`浏览器在“${step}”时停止响应`);
    expect(record.killed).toBe(1);
    await p.close();
  });

  it('bounds the version query (layout cache key) and the closing of a page', async () => {
    const v = printer({ version: 'hang' });
    expect((await failure(v.p.identity())).message).toContain('“读取浏览器版本”时停止响应');
    await v.p.close();
    const c = printer({ pageClose: 'hang' });
    const job = await c.p.open();
    await job.print(HTML('one'));
    expect((await failure(job.close())).message).toContain('“关闭页面”时停止响应');
    expect(c.record.killed).toBe(1);
    await c.p.close();
  });

  it('kills a browser that does not quit when closed, and close() itself never waits forever', async () => {
    const { p, record, runFolders } = printer({ close: 'hang' });
    const job = await p.open();
    await job.print(HTML('one'));
    await job.close();
    await p.close();
    expect(record.calls.at(-1)).toBe('close');
    expect(record.killed).toBe(1);
    expect(runFolders()).toEqual([]);
  });

  it('a well browser is asked to quit, not killed', async () => {
    const { p, record, runFolders } = printer({});
    const job = await p.open();
    await job.print(HTML('one'));
    await job.print(HTML('two'));
    await job.close();
    await p.close();
    expect(record.calls).toEqual(['newPage', 'lockDown', 'load', 'pdf', 'replaceBody', 'pdf', 'page.close', 'close']);
    expect(record.killed).toBe(0);
    expect(runFolders()).toEqual([]);
  });
});

describe('printer: a browser that did not start, or went away', () => {
  it('a launch that fails with a non-Error value says it did not start, never “[object Object]”', async () => {
    const { p } = printer({ launch: { reject: { type: 'error', target: { url: 'ws://127.0.0.1:1/' } } } });
    const e = await failure(p.open());
    expect(e.code).toBe('browser.launch');
    expect(e.message).toBe(`浏览器没有启动：${process.execPath} 无法运行，或启动后立即退出了。`);
    expect(e.message).not.toContain('[object Object]');
    expect(e.cause).toEqual({ type: 'error', target: { url: 'ws://127.0.0.1:1/' } });
    await p.close();
  });

  it('a failed launch is reported once per build, not retried (a hung browser would cost the limit twice)', async () => {
    const { p, record } = printer({ launch: new Error('spawn EACCES') });
    p.warmUp();
    await failure(p.open());
    await failure(p.identity());
    expect(record.requests).toHaveLength(1);
    await p.close();
  });

  it('a connection lost mid-print is a crash, said with the step; the browser is ended', async () => {
    const { p, record } = printer({ pdf: ['ok', new ChromiumGone(new Error('Target closed'))] });
    const job = await p.open();
    await job.print(HTML('one'));
    const e = await failure(job.print(HTML('two')));
    expect(e.code).toBe('browser.crashed');
    expect(e.message).toBe('浏览器在“第 2 遍排版”时意外退出（崩溃或被其他程序结束）。');
    expect(record.killed).toBe(1);
    await p.close();
  });

  it('a lost connection reported by the browser makes the failing step a crash', async () => {
    const { p, record } = printer({ pdf: [new Error('Protocol error (Page.printToPDF): Printing failed')] });
    const job = await p.open();
    record.loseConnection();
    expect((await failure(job.print(HTML('one')))).code).toBe('browser.crashed');
  });

  it('any other browser error is a print failure, in Chinese, with the English kept as its cause', async () => {
    const english = new Error('Protocol error (Page.printToPDF): Printing failed');
    const { p, record } = printer({ pdf: [english] });
    const job = await p.open();
    const e = await failure(job.print(HTML('one')));
    expect(e.code).toBe('browser.print');
    expect(e.message).toBe('浏览器在“第 1 遍排版”时出错，没有生成 PDF。');
    expect(e.cause).toBe(english);
    expect(record.killed).toBe(0);
    await job.close();
    await p.close();
  });
});

describe('printer: stopped while working', () => {
  it('close() during a launch ends the launch at once; later work is told it was stopped', async () => {
    // A launch limit the test never reaches: what ends the launch is close(), at the moment it is asked for.
    const { p, record, root } = printer({ launch: 'hang' }, 600_000);
    const opening = failure(p.open());
    await record.launched;
    // This fake ignores the abort (a real launch kills its browser): close() says it may still run.
    expect(await p.close()).toEqual([
      { kind: 'browser', path: record.requests[0]!.runDir, reason: '放弃启动后 0.04 秒内没有结束' },
    ]);
    expect(record.requests[0]!.signal.aborted).toBe(true);
    expect((await opening).code).toBe('browser.stopped');
    expect((await failure(p.open())).code).toBe('browser.stopped');
    expect(existsSync(root) && readdirSync(root)).toEqual([]);
  });
});
