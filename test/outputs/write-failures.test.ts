/**
 * A build's last step failing: the outputs cannot be written. The failure is
 * injected through the output file-system seam (output-fs.ts); each case ends
 * with its code, exit code and Chinese message as the CLI prints it, and a
 * folder holding one complete set (old, or new after the next run) and no stray.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failureOf, failureText } from '../../src/cli/failure.js';
import { BulletinError } from '../../src/model/errors.js';
import { realOutputFs, type OutputFs } from '../../src/outputs/output-fs.js';
import { checkOutputFolder, writeQuarterOutputs } from '../../src/outputs/write-outputs.js';
import { tempDir } from '../helpers/cli.js';

const io = { stdout: () => undefined, stderr: () => undefined, cwd: '/', env: {}, isTty: false };
const NEW = [
  { name: 'stats.json', data: 'new stats' },
  { name: 'bulletin.pdf', data: 'new pdf' },
];

function outWithOldSet(): { out: string; dir: string; contents: () => Record<string, string> } {
  const out = tempDir('write-failures-');
  const dir = join(out, '2022Q3');
  mkdirSync(dir);
  writeFileSync(join(dir, 'stats.json'), 'old stats');
  writeFileSync(join(dir, 'bulletin.pdf'), 'old pdf');
  const contents = () =>
    Object.fromEntries(readdirSync(dir).map((n) => [n, readFileSync(join(dir, n), 'utf8')] as [string, string]));
  return { out, dir, contents };
}

const systemError = (code: string) => Object.assign(new Error(`${code}: injected`), { code });

/** The real calls, except `call` fails with `code` from its `from`-th use on. */
function failing(call: 'writeFile' | 'rename', code: string, from = 1, also: Partial<OutputFs> = {}): OutputFs {
  let n = 0;
  const real = realOutputFs[call] as (...a: never[]) => Promise<void>;
  const wrapped = async (...a: never[]) => {
    if (++n >= from) throw systemError(code);
    return real(...a);
  };
  return { ...realOutputFs, [call]: wrapped, ...also };
}

async function failure(write: Promise<unknown>) {
  const e = await write.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(BulletinError);
  const f = failureOf(e, io);
  return { e: e as BulletinError, exitCode: f.exitCode, text: failureText(f) };
}

describe('writing the outputs fails', () => {
  it.each([
    ['ENOSPC', '磁盘已满'],
    ['EACCES', '没有写入权限'],
    ['EIO', '读写磁盘时出错（磁盘可能已损坏）'],
  ])('%s while staging: exit 2, the reason in Chinese, the old set untouched, nothing left', async (code, reason) => {
    const { out, dir, contents } = outWithOldSet();
    const r = await failure(writeQuarterOutputs(out, '2022Q3', NEW, undefined, failing('writeFile', code)));
    expect(r.e.code).toBe('output.write');
    expect(r.exitCode).toBe(2);
    expect(r.text).toBe(
      `错误：写入输出文件夹 ${dir} 失败：${reason}。原有的输出文件保持不变。\n` +
        '  → 请用 --out（或配置文件中的 out）指定一个可以写入的文件夹，或请管理员开放写入权限、腾出磁盘空间，然后重试。\n',
    );
    expect(r.text).not.toContain('injected');
    expect((r.e.cause as Error).message).toContain(code);
    expect(contents()).toEqual({ 'stats.json': 'old stats', 'bulletin.pdf': 'old pdf' });
  });

  it('a file held open while swapping, and the undo failing too: says the next run completes it, and it does', async () => {
    const { out, dir, contents } = outWithOldSet();
    // The journal's rename succeeds, every later one fails: the swap and its undo both stop half-way.
    const fs = failing('rename', 'EBUSY', 2, { remove: async () => Promise.reject(systemError('EBUSY')) });
    const r = await failure(writeQuarterOutputs(out, '2022Q3', NEW, undefined, fs));
    expect(r.e.code).toBe('output.write');
    expect(r.exitCode).toBe(2);
    expect(r.text).toBe(
      `错误：写入输出文件夹 ${dir} 失败：文件正被其他程序（如 PDF 阅读器）打开。\n` +
        '  → 原有文件未能全部放回；下次运行 bulletin build 时会自动把这个文件夹补全为新生成的一套。请先排除上述问题（如关闭打开着的 PDF）。\n',
    );
    // The next run's first step (before any data is read) completes the new set and leaves no stray.
    await checkOutputFolder(dir);
    expect(contents()).toEqual({ 'stats.json': 'new stats', 'bulletin.pdf': 'new pdf' });
  });
});
