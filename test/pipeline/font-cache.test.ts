import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontSubsetCache } from '../../src/pipeline/font-cache.js';
import { tempDir } from '../helpers/cli.js';

describe('fontSubsetCache', () => {
  it('gives back what was put, in a fonts/ folder of the cache', async () => {
    const dir = tempDir();
    const c = fontSubsetCache(dir)!;
    expect(await c.get('k1')).toBeNull();
    await c.put('k1', Buffer.from('wOF2 bytes'));
    expect((await c.get('k1'))?.toString()).toBe('wOF2 bytes');
    expect(readdirSync(join(dir, 'fonts'))).toEqual(['k1.woff2']);
  });

  it('does not give back a file whose bytes were changed after it was written', async () => {
    const dir = tempDir();
    const c = fontSubsetCache(dir)!;
    await c.put('k1', Buffer.from('wOF2 bytes of a subset'));
    const path = join(dir, 'fonts', 'k1.woff2');
    const stored = readFileSync(path);
    stored[stored.length - 1]! ^= 1;
    writeFileSync(path, stored);
    expect(await c.get('k1')).toBeNull();
    writeFileSync(path, stored.subarray(0, 20));
    expect(await c.get('k1')).toBeNull();
  });

  it('is none with --no-cache, and a folder it cannot write only loses the entry', async () => {
    expect(fontSubsetCache(null)).toBeNull();
    const file = join(tempDir(), 'file');
    writeFileSync(file, 'x');
    const broken = fontSubsetCache(join(file, 'sub'))!;
    await expect(broken.put('k', Buffer.from('x'))).resolves.toBeUndefined();
    expect(await broken.get('k')).toBeNull();
  });
});
