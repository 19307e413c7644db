/**
 * What a printer cannot clean up is handed over by close(), never dropped: a
 * run folder that cannot be removed, a browser that does not end when killed,
 * a browser that came up after its launch was given up. The browser and the
 * failing removal are faked; the limits are tens of milliseconds.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPrinter } from '../../src/render/browser.js';
import type { RemoveFolder } from '../../src/render/leftovers.js';
import { tempDir } from '../helpers/cli.js';
import { fakeLauncher, type FakeScript } from '../helpers/fake-chromium.js';

const HTML = '<html><head></head><body><p>one</p></body></html>';

const systemError = (code: string) => Object.assign(new Error(`${code}: operation not permitted`), { code });

/** A removal that fails with `code` for the first `times` calls, then succeeds (removing nothing: what is reported is checked). */
function failingRemoval(code: string, times = Infinity) {
  const asked: string[] = [];
  const remove: RemoveFolder = async (dir) => {
    asked.push(dir);
    if (asked.length <= times) throw systemError(code);
  };
  return { remove, asked };
}

function printer(script: FakeScript, removeFolder?: RemoveFolder) {
  const { launcher, record } = fakeLauncher(script);
  const root = tempDir('printer-leftovers-');
  const p = createPrinter({
    launcher,
    tempRoot: root,
    timeoutMs: 40,
    closeGraceMs: 40,
    executablePath: process.execPath,
    removeFolder,
  });
  return { p, record, root, runDir: () => record.requests[0]!.runDir };
}

async function printOnce(p: ReturnType<typeof printer>['p']): Promise<unknown> {
  const job = await p.open();
  const outcome = await job.print(HTML).then(
    () => null,
    (e: unknown) => e,
  );
  await job.close().catch((e: unknown) => e);
  return outcome;
}

describe('printer: what it could not clean up', () => {
  it('a run folder that cannot be removed is returned, with the reason in Chinese, by the first close only', async () => {
    const { remove } = failingRemoval('EACCES');
    const { p, runDir } = printer({}, remove);
    expect(await printOnce(p)).toBeNull();
    expect(await p.close()).toEqual([{ kind: 'folder', path: runDir(), reason: '没有权限' }]);
    expect(await p.close()).toEqual([]);
  });

  it('a folder the stalled step could not remove but close() could is not reported', async () => {
    const { remove, asked } = failingRemoval('EBUSY', 1);
    const { p, runDir, record } = printer({ pdf: ['hang'] }, remove);
    expect(await printOnce(p)).toMatchObject({ code: 'browser.timeout' });
    expect(record.killed).toBe(1);
    expect(await p.close()).toEqual([]);
    expect(asked).toEqual([runDir(), runDir()]);
  });

  it('a killed browser that does not exit within the grace period may still run: said with its run folder', async () => {
    const { p, runDir } = printer({ close: 'hang', kill: 'hang' });
    expect(await printOnce(p)).toBeNull();
    expect(await p.close()).toEqual([{ kind: 'browser', path: runDir(), reason: '强制结束后 0.04 秒内仍未退出' }]);
  });

  it('a kill the system refuses is said, not hidden', async () => {
    const { p, runDir } = printer({ pdf: ['hang'], kill: systemError('EPERM') });
    expect(await printOnce(p)).toMatchObject({ code: 'browser.timeout' });
    expect(await p.close()).toEqual([{ kind: 'browser', path: runDir(), reason: '无法强制结束：没有权限' }]);
  });

  it('a browser that comes up after its launch was given up is killed before close() returns', async () => {
    let up: () => void = () => undefined;
    const { p, record } = printer({ launch: { after: new Promise<void>((r) => (up = r)), then: 'ok' } });
    await expect(p.open()).rejects.toMatchObject({ code: 'browser.timeout' });
    expect(record.killed).toBe(0);
    up();
    expect(await p.close()).toEqual([]);
    expect(record.killed).toBe(1);
  });

  it('a launch given up that then fails otherwise may have left a browser', async () => {
    let fail: () => void = () => undefined;
    const late = { after: new Promise<void>((r) => (fail = r)), then: systemError('EPERM') };
    const { p, runDir } = printer({ launch: late });
    await expect(p.open()).rejects.toMatchObject({ code: 'browser.timeout' });
    fail();
    expect(await p.close()).toEqual([{ kind: 'browser', path: runDir(), reason: '放弃启动后未能结束：没有权限' }]);
  });

  it('a launch that failed as reported leaves nothing to say', async () => {
    const { p } = printer({ launch: new Error('spawn EACCES') });
    await expect(p.open()).rejects.toMatchObject({ code: 'browser.launch' });
    expect(await p.close()).toEqual([]);
  });

  it('a dead run’s folder that cannot be swept is reported too; this run still prints', async () => {
    const { remove } = failingRemoval('EACCES', 1);
    const { p, root } = printer({}, remove);
    // A pid no process has: the folder of a run killed with kill -9.
    const dead = join(root, 'bulletin-2147483646-abcdef');
    mkdirSync(dead);
    expect(await printOnce(p)).toBeNull();
    expect(await p.close()).toEqual([{ kind: 'folder', path: dead, reason: '没有权限' }]);
    expect(readdirSync(root)).toContain('bulletin-2147483646-abcdef');
  });
});
