/**
 * The print's @font-face rules made by earlier builds (render/font-css-cache.ts
 * says by what), about 4 MB for the sample: taking them saves reading,
 * renaming and encoding the font slices before the first print. In the layout
 * cache's folder, under font-css/; off with --no-cache. The rules are not
 * checked by a print, so the key also holds the identity of the code that
 * makes them (the bundle's, as for finished PDFs: pdf-cache.ts; none outside
 * the bundle, where they are made every time), and each file carries its
 * SHA-256 (cache-files.ts): one that does not match is made again.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { FontCssCache } from '../render/font-css-cache.js';
import { cacheFiles } from './cache-files.js';
import { bundleIdentity } from './pdf-cache.js';

/** A cache under `dir`; none with `dir` null (--no-cache) or no known `code` identity. */
export function fontCssCache(dir: string | null, code = bundleIdentity()): FontCssCache | null {
  if (!dir || !code) return null;
  const files = cacheFiles(join(dir, 'font-css'), '.css', true);
  const name = (key: string) => createHash('sha256').update(`bulletin-font-css ${code}\n${key}`).digest('hex');
  return {
    get: async (key) => (await files.read(name(key)))?.toString('utf8') ?? null,
    put: async (key, stored) => void (await files.write(name(key), Buffer.from(stored, 'utf8'))),
  };
}
