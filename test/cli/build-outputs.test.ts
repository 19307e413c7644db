import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bulletin, ROOT, tempDir } from '../helpers/cli.js';

/** A quarter whose data has an error: reading it would exit 1. */
function invalidData(): string {
  const data = tempDir();
  mkdirSync(join(data, '2022Q3'));
  const csv = readFileSync(join(ROOT, 'fixtures', 'sample-records', 'recalls-utf8.csv'), 'utf8').replace(
    '株洲,机械物理',
    '广州,机械物理',
  );
  writeFileSync(join(data, '2022Q3', 'recalls.csv'), csv);
  return data;
}

/** A "browser" that only leaves a mark that it was started. */
function markingBrowser(): { path: string; mark: string } {
  const dir = tempDir();
  const mark = join(dir, 'launched');
  const path = join(dir, 'chromium');
  writeFileSync(path, `#!/bin/sh\ntouch '${mark}'\nexit 1\n`);
  chmodSync(path, 0o755);
  return { path, mark };
}

describe('bulletin build: the output folder is checked before anything is read or launched', () => {
  it('an output path under a regular file: exit 2, a Chinese message, no data read, no browser started', async () => {
    const base = tempDir();
    writeFileSync(join(base, 'out'), 'not a folder');
    const browser = markingBrowser();
    const r = await bulletin(['build', '-q', '2022Q3', '--data', invalidData(), '--out', join(base, 'out')], {
      env: { BULLETIN_BROWSER: browser.path },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `错误：无法写入输出文件夹 ${join(base, 'out', '2022Q3')}：路径中有一段是文件而不是文件夹。没有读取数据，也没有生成任何文件。`,
    );
    expect(r.stderr).toContain('→ 请用 --out');
    expect(r.stderr).not.toContain('广州');
    expect(r.stderr).not.toMatch(/ENOTDIR|EACCES|Error/);
    expect(existsSync(browser.mark)).toBe(false);
    expect(readFileSync(join(base, 'out'), 'utf8')).toBe('not a folder');
  });

  it('the English reason is shown only with BULLETIN_DEBUG', async () => {
    const base = tempDir();
    writeFileSync(join(base, 'out'), '');
    const args = ['build', '-q', '2022Q3', '--data', invalidData(), '--out', join(base, 'out'), '--format', 'html'];
    expect((await bulletin(args, { env: { BULLETIN_DEBUG: '1' } })).stderr).toContain('（详细信息：');
    expect((await bulletin(args)).stderr).not.toContain('详细信息');
  });

  it('bulletin.pdf being a folder holding a user file: exit 2, nothing deleted, nothing written', async () => {
    const out = tempDir();
    mkdirSync(join(out, '2022Q3', 'bulletin.pdf'), { recursive: true });
    writeFileSync(join(out, '2022Q3', 'bulletin.pdf', 'notes.txt'), 'mine');
    const r = await bulletin(['build', '-q', '2022Q3', '--out', out, '--format', 'html', '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`错误：输出文件夹中的 ${join(out, '2022Q3', 'bulletin.pdf')} 是一个文件夹`);
    expect(r.stderr).toContain('没有写入任何文件');
    expect(readdirSync(join(out, '2022Q3'))).toEqual(['bulletin.pdf']);
    expect(readFileSync(join(out, '2022Q3', 'bulletin.pdf', 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('a later build removes what a killed build left and keeps the user file', async () => {
    const out = tempDir();
    mkdirSync(join(out, '2022Q3'));
    mkdirSync(join(out, '2022Q3', '.bulletin-new-999999999'));
    writeFileSync(join(out, '2022Q3', '.bulletin-new-999999999', 'stats.json'), '{');
    writeFileSync(join(out, '2022Q3', '.stats.json.999999999.tmp'), '{');
    writeFileSync(join(out, '2022Q3', 'notes.txt'), 'mine');
    const r = await bulletin(['build', '-q', '2022Q3', '--out', out, '--format', 'html', '--quiet']);
    expect(r.code).toBe(0);
    expect(readdirSync(join(out, '2022Q3')).sort()).toEqual(['bulletin.html', 'notes.txt', 'stats.json']);
  });
});
