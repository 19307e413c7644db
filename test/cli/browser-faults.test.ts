import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bulletin, bulletinProcess, tempDir } from '../helpers/cli.js';
import {
  chromiumOfRun,
  endStartedBuilds,
  eventually,
  isAlive,
  processesNaming,
  runFoldersOf,
  startBuild,
  type RunningBuild,
} from '../helpers/processes.js';

// A test that failed half-way may have left its build frozen (SIGSTOP) with a Chromium: never past the test.
afterEach(endStartedBuilds);

/** An output folder holding an earlier build, to check that a failed or stopped one leaves it as it was. */
function earlierOutputs(): { out: string; unchanged: () => void } {
  const out = tempDir();
  mkdirSync(join(out, '2022Q3'));
  writeFileSync(join(out, '2022Q3', 'bulletin.pdf'), 'old pdf');
  writeFileSync(join(out, '2022Q3', 'stats.json'), 'old stats');
  return {
    out,
    unchanged: () => {
      expect(readdirSync(join(out, '2022Q3')).sort()).toEqual(['bulletin.pdf', 'stats.json']);
      expect(readFileSync(join(out, '2022Q3', 'bulletin.pdf'), 'utf8')).toBe('old pdf');
      expect(readFileSync(join(out, '2022Q3', 'stats.json'), 'utf8')).toBe('old stats');
    },
  };
}

/**
 * A build measuring its layout afresh (measures and a print, its fonts and charts made anew), so
 * that it has plenty left to do once its data are counted. The PDF only.
 */
const measuringBuild = (out: string, env: Record<string, string> = {}, ...more: string[]) =>
  startBuild(['--quarter', '2022Q3', '--out', out, '--no-cache', '--format', 'pdf', ...more], {
    BULLETIN_CACHE_DIR: tempDir(),
    ...env,
  });

const isBrowserMain = (p: { cmdline: string }) => !p.cmdline.includes('--type=') && !p.cmdline.includes('crashpad');

/**
 * The build caught with all its printing still ahead, whatever the load: progress lines are
 * printed as the next phase begins, so "[统计]" shows once the data are counted and the layout
 * has begun, before any print. The build is then frozen (SIGSTOP): it cannot move on while
 * the test looks for its browser (launched at the start, and starting on by itself meanwhile)
 * and does something to it. A signal sent meanwhile waits until `resume`, and is handled as
 * soon as the build runs again. (Waiting for a line about the prints raced the build: that
 * line shows only once the next print is done, and a loaded machine let the build finish
 * before the test acted.)
 */
async function caughtBeforePrinting(run: RunningBuild) {
  await run.waitFor('[统计]');
  const pid = run.child.pid!;
  process.kill(pid, 'SIGSTOP');
  let tree = chromiumOfRun(pid);
  await eventually(
    () => (tree = chromiumOfRun(pid)).length > 1 && tree.some(isBrowserMain),
    'the build’s Chromium is running',
  );
  return { pid, tree, main: tree.find(isBrowserMain)!, resume: () => process.kill(pid, 'SIGCONT') };
}

/** A browser that writes a DevTools line and exits at once (code 3): it never starts. */
function exitingBrowser(): string {
  const fake = join(tempDir(), 'chrome');
  writeFileSync(fake, '#!/bin/sh\necho "DevTools listening on ws://127.0.0.1:1/devtools/browser/x" >&2\nexit 3\n');
  chmodSync(fake, 0o755);
  return fake;
}

describe('nothing left behind', () => {
  it('kill -9 of a build: no Chromium process of that run survives, and the next run removes its folder', async () => {
    // A temporary folder of its own: a build of another test running meanwhile sweeps the folders
    // of dead runs in the shared one, this one's included, before the test could look.
    const TMPDIR = tempDir();
    const run = measuringBuild(tempDir(), { TMPDIR });
    const { pid, tree } = await caughtBeforePrinting(run);
    expect(tree.length, 'Chromium is running for this build').toBeGreaterThan(1);
    run.child.kill('SIGKILL');
    await run.exit;
    await eventually(() => tree.every((p) => !isAlive(p.pid)), 'every Chromium process of the killed run has ended');
    expect(runFoldersOf(pid, TMPDIR)).toHaveLength(1); // a killed process cannot clean up: the next run does
    // Every run sweeps before it launches its browser (BrowserSession.start), so the next run's
    // browser need not start: one that exits at once costs no Chromium and no print.
    const args = ['build', '--quarter', '2022Q3', '--out', tempDir(), '--browser', exitingBrowser()];
    const next = bulletinProcess(args, { env: { TMPDIR } }); // a process: Node's tmpdir() reads its TMPDIR
    expect(next.code, next.stderr).toBe(4);
    expect(runFoldersOf(pid, TMPDIR)).toEqual([]);
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('%s: clean stop, browser closed, Chinese message, exit %i, outputs untouched', async (signal, code) => {
    const { out, unchanged } = earlierOutputs();
    const TMPDIR = tempDir();
    const run = measuringBuild(out, { TMPDIR });
    const { pid, tree, resume } = await caughtBeforePrinting(run);
    run.child.kill(signal);
    resume();
    expect((await run.exit).code).toBe(code);
    expect(run.stderr()).toContain(`已停止（收到 ${signal}）：浏览器已关闭，没有写入任何文件，输出文件夹保持原样。`);
    await eventually(() => tree.every((p) => !isAlive(p.pid)), 'the browser has been closed');
    // Nothing at all in the temporary folder: Chromium's org.chromium.Chromium.* socket folder was left.
    expect(readdirSync(TMPDIR)).toEqual([]);
    unchanged();
  });
});

describe('hangs: every browser step is bounded', () => {
  it('Chromium stopped (SIGSTOP) while the build runs: exit 4 naming the step it stopped answering in, browser killed, outputs untouched', async () => {
    const { out, unchanged } = earlierOutputs();
    const run = measuringBuild(out, {}, '--timeout', '3');
    const { pid, tree, main, resume } = await caughtBeforePrinting(run);
    process.kill(main.pid, 'SIGSTOP');
    resume();
    expect((await run.exit).code).toBe(4);
    // Stopped before any print: the step that stalls is the launch, if it had not finished, the
    // page being opened or readied, or the first pass.
    expect(run.stderr()).toMatch(
      /错误：浏览器在“(启动浏览器|打开页面|准备页面|第 1 遍排版)”时停止响应：3 秒内没有应答，已强制结束浏览器。/,
    );
    await eventually(() => tree.every((p) => !isAlive(p.pid)), 'the stopped browser has been killed');
    expect(runFoldersOf(pid)).toEqual([]);
    unchanged();
  });

  it('a browser that never answers: exit 4, “stopped answering while starting”, no install advice, nothing left', async () => {
    const dir = tempDir();
    // Seconds no other process on a shared machine sleeps for: this worker's pid, and a fraction.
    const marker = `${600 + process.pid}.25`;
    const fake = join(dir, 'chrome');
    writeFileSync(fake, `#!/bin/sh\nexec sleep ${marker}\n`);
    chmodSync(fake, 0o755);
    const { out, unchanged } = earlierOutputs();
    const r = await bulletin(['build', '--quarter', '2022Q3', '--out', out, '--browser', fake, '--timeout', '1']);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('错误：浏览器在“启动浏览器”时停止响应：1 秒内没有应答，已强制结束浏览器。');
    expect(r.stderr).not.toMatch(/apt-get|请安装/);
    // Killed (SIGKILL to its group) before the command returned; on a loaded machine it may take a moment to end.
    await eventually(
      () => processesNaming(`sleep ${marker}`).every((p) => !isAlive(p.pid)),
      'the fake browser has ended',
    );
    unchanged();
  });

  it('a browser that exits at once (a fake DevTools endpoint): “did not start”, never [object Object]; English only under BULLETIN_DEBUG', async () => {
    const fake = exitingBrowser();
    const args = ['build', '--quarter', '2022Q3', '--out', tempDir(), '--browser', fake];
    const r = await bulletin(args);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(`错误：浏览器没有启动：${fake} 无法运行，或启动后立即退出了。`);
    expect(r.stderr).not.toMatch(/\[object Object\]|Error|Protocol|Target/);
    const debug = await bulletin(args, { env: { BULLETIN_DEBUG: '1' } });
    expect(debug.code).toBe(4);
    expect(debug.stderr).toMatch(/详细信息：.*(Target closed|Failed to launch|Protocol error)/);
  });
});
