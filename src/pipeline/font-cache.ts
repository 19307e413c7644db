/**
 * The web edition's font subsets made by earlier builds (render/web-fonts.ts
 * names them by what they are made from: the slice's bytes and the code
 * points kept), so a rebuild does not subset and compress the same slices
 * again. In the layout cache's folder, under fonts/; off with --no-cache.
 * Best effort, like the layout cache: a file that cannot be read or written
 * only costs the subsetting. Unlike a layout, a subset is not checked by a
 * print, so each file starts with the SHA-256 of the subset that follows and
 * one whose bytes do not match it is not used (nor is one that is not a
 * whole WOFF2 file: web-fonts.ts).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SubsetCache } from '../render/web-fonts.js';

let writes = 0;

const digest = (b: Buffer): Buffer => createHash('sha256').update(b).digest();

/** A cache under `dir`; `null` (--no-cache) gives none. */
export function fontSubsetCache(dir: string | null): SubsetCache | null {
  if (!dir) return null;
  const folder = join(dir, 'fonts');
  const file = (key: string) => join(folder, `${key}.woff2`);
  return {
    async get(key) {
      try {
        const stored = await readFile(file(key));
        const woff2 = stored.subarray(32);
        return stored.length > 32 && digest(woff2).equals(stored.subarray(0, 32)) ? woff2 : null;
      } catch {
        return null;
      }
    },
    async put(key, woff2) {
      const tmp = `${file(key)}.${process.pid}.${++writes}.tmp`;
      try {
        await mkdir(folder, { recursive: true });
        await writeFile(tmp, Buffer.concat([digest(woff2), woff2]));
        await rename(tmp, file(key));
      } catch {
        // A read-only or full disk only costs the next build the subsetting.
      }
    },
  };
}
