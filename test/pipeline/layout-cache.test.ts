import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutCache } from '../../src/pipeline/layout-cache.js';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { resolveWith, type Env } from '../../src/config/resolve-options.js';

/** The cache folder as every command resolves it (flag --no-cache, environment, default). */
const cacheDir = (enabled: boolean, env: Env, cwd: string) =>
  resolveWith({ cache: enabled }, env, cwd, DEFAULT_CONFIG).cacheDir;
import { tempDir } from '../helpers/cli.js';

const layout = { pages: { intro: 3, report: 5 }, splits: { t1: [12], t2: [] }, floats: {}, scales: {} };

describe('layoutCache', () => {
  it('gives back what was put under the same key', async () => {
    const c = layoutCache(tempDir());
    const key = c.key('chromium 1', '<html>a</html>');
    expect(await c.get(key)).toBeNull();
    await c.put(key, layout);
    expect(await c.get(key)).toEqual(layout);
  });

  it('keys on the exact HTML and on the browser', () => {
    const c = layoutCache(null);
    const k = c.key('chromium 1', '<html>a</html>');
    expect(c.key('chromium 1', '<html>a</html>')).toBe(k);
    expect(c.key('chromium 2', '<html>a</html>')).not.toBe(k);
    expect(c.key('chromium 1', '<html>b</html>')).not.toBe(k);
  });

  it('ignores a damaged or foreign file instead of failing the build', async () => {
    const dir = tempDir();
    const c = layoutCache(dir);
    writeFileSync(join(dir, 'a.json'), '{ not json');
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ pages: { x: -1 }, splits: {} }));
    writeFileSync(join(dir, 'c.json'), JSON.stringify({ pages: {}, splits: { t: ['3'] } }));
    for (const k of ['a', 'b', 'c', 'missing']) expect(await c.get(k)).toBeNull();
  });

  it('does nothing when turned off, and a folder it cannot write only loses the entry', async () => {
    const off = layoutCache(null);
    await off.put('k', layout);
    expect(await off.get('k')).toBeNull();
    // A file where the folder should be: unwritable even for root.
    const file = join(tempDir(), 'file');
    writeFileSync(file, 'x');
    const broken = layoutCache(join(file, 'sub'));
    await expect(broken.put('k', layout)).resolves.toBeUndefined();
    expect(await broken.get('k')).toBeNull();
  });
});

describe('cacheDir', () => {
  it('is BULLETIN_CACHE_DIR, else under XDG_CACHE_HOME or ~/.cache, and none with --no-cache', () => {
    expect(cacheDir(true, { BULLETIN_CACHE_DIR: 'c' }, '/w')).toBe('/w/c');
    expect(cacheDir(true, { XDG_CACHE_HOME: '/x', HOME: '/h' }, '/w')).toBe('/x/bulletin/layouts');
    expect(cacheDir(true, { HOME: '/h' }, '/w')).toBe('/h/.cache/bulletin/layouts');
    expect(cacheDir(true, {}, '/w')).toBeNull();
    expect(cacheDir(false, { BULLETIN_CACHE_DIR: 'c' }, '/w')).toBeNull();
  });
});
