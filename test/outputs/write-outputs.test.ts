import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realOutputFs } from '../../src/outputs/output-fs.js';
import { checkOutputFolder, writeAtomically } from '../../src/outputs/write-outputs.js';
import { tempDir } from '../helpers/cli.js';

describe('writeAtomically', () => {
  it('writes every file and leaves no temporary files', async () => {
    const dir = join(tempDir(), 'out');
    await writeAtomically(dir, [
      { name: 'a.txt', data: 'A' },
      { name: 'b.bin', data: new Uint8Array([1, 2]) },
    ]);
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'b.bin']);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('A');
  });

  it('keeps earlier outputs when a later file cannot be written', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'old');
    await expect(
      writeAtomically(dir, [
        { name: 'a.txt', data: 'new' },
        { name: 'no-such-dir/b.txt', data: 'x' },
      ]),
    ).rejects.toThrow(/ENOENT/);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });

  it('replaces earlier outputs and removes the set-aside copies', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'old');
    mkdirSync(join(dir, 'keep'));
    await writeAtomically(dir, [{ name: 'a.txt', data: 'new' }]);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('new');
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'keep']);
  });
});

describe('checkOutputFolder: a folder that cannot be written is found before anything is read', () => {
  it('a path under a regular file: output.not-writable, in Chinese, creating nothing', async () => {
    const base = tempDir();
    writeFileSync(join(base, 'out'), 'a file, not a folder');
    const err = await checkOutputFolder(join(base, 'out', '2022Q3')).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'output.not-writable', kind: 'config' });
    expect((err as Error).message).toBe(
      `无法写入输出文件夹 ${join(base, 'out', '2022Q3')}：路径中有一段是文件而不是文件夹。没有读取数据，也没有生成任何文件。`,
    );
    expect(readdirSync(base)).toEqual(['out']);
  });

  it('a folder the system refuses to write (EACCES, EROFS): the reason in Chinese, the English kept as cause', async () => {
    for (const [code, reason] of [
      ['EACCES', '没有写入权限'],
      ['EROFS', '所在的磁盘是只读的'],
    ]) {
      const dir = join(tempDir(), 'missing', '2022Q3');
      const fs = {
        ...realOutputFs,
        checkWritable: async () => {
          throw Object.assign(new Error(`${code}: permission denied, access`), { code });
        },
      };
      const err = await checkOutputFolder(dir, fs).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'output.not-writable', kind: 'config' });
      expect((err as Error).message).toBe(`无法写入输出文件夹 ${dir}：${reason}。没有读取数据，也没有生成任何文件。`);
      expect(((err as Error).cause as Error).message).toContain(code);
    }
  });

  it('finishes a killed run and refuses a folder named bulletin.pdf', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'bulletin.pdf'));
    writeFileSync(join(dir, 'bulletin.pdf', 'mine.txt'), 'user');
    writeFileSync(join(dir, '.stats.json.999999999.tmp'), 'half');
    await expect(checkOutputFolder(dir)).rejects.toMatchObject({ code: 'output.not-ours' });
    expect(readdirSync(dir)).toEqual(['bulletin.pdf']);
    expect(readdirSync(join(dir, 'bulletin.pdf'))).toEqual(['mine.txt']);
  });
});
