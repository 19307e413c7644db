/**
 * The web edition's font subsets made by earlier builds (render/web-fonts.ts
 * names them by what they are made from: the slice's bytes and the code
 * points kept), so a rebuild does not subset and compress the same slices
 * again. In the layout cache's folder, under fonts/; off with --no-cache.
 * Unlike a layout, a subset is not checked by a print, so each file carries
 * the SHA-256 of the subset (cache-files.ts), and one that is not a whole
 * WOFF2 file is not used either (web-fonts.ts).
 */
import { join } from 'node:path';
import type { SubsetCache } from '../render/web-fonts.js';
import { cacheFiles } from './cache-files.js';

/** A cache under `dir`; `null` (--no-cache) gives none. */
export function fontSubsetCache(dir: string | null): SubsetCache | null {
  if (!dir) return null;
  const files = cacheFiles(join(dir, 'fonts'), '.woff2', true);
  return { get: (key) => files.read(key), put: async (key, woff2) => void (await files.write(key, woff2)) };
}
