import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheFiles } from '../../src/pipeline/cache-files.js';
import { tempDir } from '../helpers/cli.js';

/** A clock that moves a minute on each call: each read or write is later than the one before. */
function minutes(): () => Date {
  let t = Date.UTC(2026, 0, 1);
  return () => new Date((t += 60_000));
}

const bytes = (n: number, fill: number) => new Uint8Array(n).fill(fill);
const kept = (dir: string, ext: string) =>
  readdirSync(dir)
    .filter((n) => n.endsWith(ext))
    .sort();

describe('cache files kept under a size', () => {
  it('removes the least recently written files once a kind is over its budget', async () => {
    const dir = tempDir();
    const files = cacheFiles(dir, '.bin', false, 100, minutes());
    await files.write('a', bytes(40, 1));
    await files.write('b', bytes(40, 2));
    expect(kept(dir, '.bin')).toEqual(['a.bin', 'b.bin']);
    await files.write('c', bytes(40, 3));
    expect(kept(dir, '.bin')).toEqual(['b.bin', 'c.bin']);
    expect(await files.read('a')).toBeNull();
    expect([...(await files.read('c'))!]).toEqual([...bytes(40, 3)]);
  });

  it('keeps a file a build read over one written before it but not read since', async () => {
    const dir = tempDir();
    const clock = minutes();
    const first = cacheFiles(dir, '.bin', true, 150, clock);
    await first.write('a', bytes(40, 1));
    await first.write('b', bytes(40, 2));
    // The next build (a new instance) reads a, then writes c: b is the one least recently used.
    const next = cacheFiles(dir, '.bin', true, 150, clock);
    expect(await next.read('a')).not.toBeNull();
    await next.write('c', bytes(40, 3));
    expect(kept(dir, '.bin')).toEqual(['a.bin', 'c.bin']);
  });

  it('never removes the file just written, nor files of another kind or folder', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'fonts'));
    writeFileSync(join(dir, 'fonts', 'x.woff2'), bytes(500, 0));
    writeFileSync(join(dir, 'other.txt'), bytes(500, 0));
    const files = cacheFiles(dir, '.json', false, 10, minutes());
    await files.write('big', bytes(50, 7));
    expect(kept(dir, '.json')).toEqual(['big.json']);
    expect(readdirSync(join(dir, 'fonts'))).toEqual(['x.woff2']);
    expect(kept(dir, '.txt')).toEqual(['other.txt']);
    await files.write('next', bytes(50, 8));
    expect(kept(dir, '.json')).toEqual(['next.json']);
  });

  it('counts what is already in the folder from earlier builds', async () => {
    const dir = tempDir();
    const clock = minutes();
    const earlier = cacheFiles(dir, '.bin', false, 1000, clock);
    for (const k of ['a', 'b', 'c', 'd']) await earlier.write(k, bytes(200, 1));
    // A later build with a smaller budget (or a folder grown by other builds) prunes at its first write.
    const later = cacheFiles(dir, '.bin', false, 500, clock);
    await later.write('e', bytes(200, 2));
    expect(kept(dir, '.bin')).toEqual(['d.bin', 'e.bin']);
  });

  it('writes side by side within one build all count: the kind ends within its budget', async () => {
    const dir = tempDir();
    const files = cacheFiles(dir, '.bin', false, 250, minutes());
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((k) => files.write(k, bytes(100, 1))));
    // Which ones stay depends on the order the writes finish in; how much stays does not.
    expect(kept(dir, '.bin').length).toBeGreaterThanOrEqual(1);
    expect(kept(dir, '.bin').length).toBeLessThanOrEqual(2);
  });
});
