import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAtomically } from '../../src/pipeline/write-outputs.js';
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
