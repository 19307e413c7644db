import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontCssCache } from '../../src/pipeline/font-css-cache.js';
import { cachedFontFaceCss, type FontCssCache } from '../../src/render/font-css-cache.js';
import { DEFAULT_FONTS, fontFaceCss, fontSpecs } from '../../src/render/fonts.js';
import { tempDir } from '../helpers/cli.js';

const TEXT = '湖南缺陷产品召回公报 2022';
const CODE = 'c'.repeat(64);

/** An in-memory cache that keeps what it was given. */
function memory(): FontCssCache & { files: Map<string, string> } {
  const files = new Map<string, string>();
  return { files, get: async (k) => files.get(k) ?? null, put: async (k, v) => void files.set(k, v) };
}

describe('cachedFontFaceCss', () => {
  it('gives fontFaceCss’s rules and missing characters, keeps them, and takes them from the cache next time', async () => {
    const made = await fontFaceCss(`${TEXT}\u{2A6D6}`);
    const cache = memory();
    expect(await cachedFontFaceCss(`${TEXT}\u{2A6D6}`, DEFAULT_FONTS, cache)).toEqual(made);
    expect(made.missing).toEqual(['\u{2A6D6}']);
    expect(cache.files.size).toBe(1);
    // The same characters in another order: the same rules. A stand-in entry shows the cache is read.
    const [key] = [...cache.files.keys()] as [string];
    cache.files.set(key, '["x"]\n/* from the cache */');
    expect(await cachedFontFaceCss(`2022 ${TEXT}\u{2A6D6}`, DEFAULT_FONTS, cache)).toEqual({
      missing: ['x'],
      css: '/* from the cache */',
    });
  });

  it('makes the rules again for other characters or other faces', async () => {
    const cache = memory();
    await cachedFontFaceCss(TEXT, DEFAULT_FONTS, cache);
    expect(await cachedFontFaceCss(`${TEXT}季`, DEFAULT_FONTS, cache)).toEqual(await fontFaceCss(`${TEXT}季`));
    const serifOnly = fontSpecs().slice(0, 1);
    expect(await cachedFontFaceCss(TEXT, serifOnly, cache)).toEqual(await fontFaceCss(TEXT, serifOnly));
    expect(cache.files.size).toBe(3);
  });

  it('makes the rules again for an entry it cannot read, and replaces it', async () => {
    const cache = memory();
    await cachedFontFaceCss(TEXT, DEFAULT_FONTS, cache);
    const [key] = [...cache.files.keys()] as [string];
    for (const bad of ['no newline', '{"not":"a list"}\ncss', '[1]\ncss', '\ncss']) {
      cache.files.set(key, bad);
      expect(await cachedFontFaceCss(TEXT, DEFAULT_FONTS, cache)).toEqual(await fontFaceCss(TEXT));
      expect(cache.files.get(key)).not.toBe(bad);
    }
  });
});

describe('fontCssCache', () => {
  it('keeps checked files under font-css/, apart for other code', async () => {
    const dir = tempDir();
    const cache = fontCssCache(dir, CODE)!;
    await cache.put('k', '[]\nrules');
    expect(await cache.get('k')).toBe('[]\nrules');
    expect(readdirSync(join(dir, 'font-css'))).toHaveLength(1);
    expect(await fontCssCache(dir, 'd'.repeat(64))!.get('k')).toBeNull();
  });

  it('is off with --no-cache and where the code is not known (not the bundle)', () => {
    expect(fontCssCache(null, CODE)).toBeNull();
    expect(fontCssCache(tempDir())).toBeNull();
  });
});
