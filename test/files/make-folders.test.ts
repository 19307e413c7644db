import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFolders } from '../../src/files/make-folders.js';
import { tempDir } from '../helpers/cli.js';

describe('makeFolders: mkdir -p, bounded', () => {
  it('makes every missing folder, and accepts folders that are there', async () => {
    const dir = join(tempDir(), 'a', 'b', 'c');
    await makeFolders(dir);
    await makeFolders(dir);
    expect(statSync(dir).isDirectory()).toBe(true);
  });

  it('names the file that stands where a folder is needed', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'f'), '');
    await expect(makeFolders(join(root, 'f', 'x', 'y'))).rejects.toMatchObject({
      code: 'ENOTDIR',
      path: join(root, 'f'),
    });
  });

  // Node's recursive mkdir retries for ever where mkdir answers ENOENT under an existing parent
  // (`bulletin init --data /proc` never ended); without the fix this test times out.
  it.runIf(process.platform === 'linux')('fails at once in /proc instead of looping', async () => {
    await expect(makeFolders('/proc/bulletin-test/articles/images')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
