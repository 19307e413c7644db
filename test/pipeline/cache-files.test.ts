import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheFiles } from '../../src/pipeline/cache-files.js';
import { tempDir } from '../helpers/cli.js';

describe('a cache file that cannot be written', () => {
  it('is no failure of the build: write says why, and leaves no temporary file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'fonts'), 'a file where the cache folder would be');
    const files = cacheFiles(join(dir, 'fonts', 'inner'), '.woff2', true);
    expect(await files.write('k', Buffer.from('x'))).toEqual({ reason: '路径中有一段是文件而不是文件夹', left: null });
    expect(await files.read('k')).toBeNull();
    expect(readdirSync(dir)).toEqual(['fonts']);
  });

  it('is stored and read back when it can be', async () => {
    const files = cacheFiles(join(tempDir(), 'layouts'), '.json', true);
    expect(await files.write('k', Buffer.from('{}'))).toBeNull();
    expect((await files.read('k'))?.toString()).toBe('{}');
  });
});
