/**
 * The web edition's font subsets made by earlier builds (render/web-fonts.ts
 * names them by what they are made from: the slice's bytes and the code
 * points kept), so a rebuild does not subset and compress the same slices
 * again. In the layout cache's folder, under fonts/; off with --no-cache.
 * Best effort, like the layout cache: a file that cannot be read or written
 * only costs the subsetting, and a damaged one is not used (web-fonts.ts
 * checks that it is a whole WOFF2 file).
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SubsetCache } from '../render/web-fonts.js';

let writes = 0;

/** A cache under `dir`; `null` (--no-cache) gives none. */
export function fontSubsetCache(dir: string | null): SubsetCache | null {
  if (!dir) return null;
  const folder = join(dir, 'fonts');
  const file = (key: string) => join(folder, `${key}.woff2`);
  return {
    async get(key) {
      try {
        return await readFile(file(key));
      } catch {
        return null;
      }
    },
    async put(key, woff2) {
      const tmp = `${file(key)}.${process.pid}.${++writes}.tmp`;
      try {
        await mkdir(folder, { recursive: true });
        await writeFile(tmp, woff2);
        await rename(tmp, file(key));
      } catch {
        // A read-only or full disk only costs the next build the subsetting.
      }
    },
  };
}
