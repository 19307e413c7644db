import { chmodSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deflateCache } from '../../src/pipeline/stream-cache.js';
import { tempDir } from '../helpers/cli.js';

describe('deflateCache', () => {
  it('keeps streams under streams/ by key, and gives null for one it does not have', async () => {
    const dir = tempDir();
    const cache = deflateCache(dir)!;
    expect(await cache.get('a'.repeat(64))).toBeNull();
    await cache.put('a'.repeat(64), new Uint8Array([120, 156, 3, 0]));
    expect([...(await cache.get('a'.repeat(64)))!]).toEqual([120, 156, 3, 0]);
    expect(readdirSync(join(dir, 'streams'))).toEqual([`${'a'.repeat(64)}.deflate`]);
  });

  it('is off with --no-cache, and a folder it cannot write only costs the deflating', async () => {
    expect(deflateCache(null)).toBeNull();
    const dir = tempDir();
    mkdirSync(join(dir, 'streams'));
    chmodSync(join(dir, 'streams'), 0o500);
    const cache = deflateCache(dir)!;
    await expect(cache.put('b'.repeat(64), new Uint8Array([1]))).resolves.toBeUndefined();
    chmodSync(join(dir, 'streams'), 0o700);
  });
});
