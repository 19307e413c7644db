/**
 * The PDF's rewritten page contents, deflated by earlier builds
 * (render/pdf-joiners.ts names them by the SHA-256 of what they inflate to),
 * so a rebuild of an unchanged document does not deflate the same pages
 * again with pdf-lib's pako (about 0.12 s of CPU for the sample). In
 * the layout cache's folder, under streams/; off with --no-cache. Best
 * effort, like the layout cache: a file that cannot be read or written only
 * costs the deflating, and one that does not inflate to exactly the page's
 * content is not used (pdf-joiners.ts checks).
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DeflateCache } from '../render/pdf-joiners.js';

let writes = 0;

/** A cache under `dir`; `null` (--no-cache) gives none. */
export function deflateCache(dir: string | null): DeflateCache | null {
  if (!dir) return null;
  const folder = join(dir, 'streams');
  const file = (key: string) => join(folder, `${key}.deflate`);
  return {
    async get(key) {
      try {
        return await readFile(file(key));
      } catch {
        return null; // not there (or unreadable): deflated again
      }
    },
    async put(key, deflated) {
      const tmp = `${file(key)}.${process.pid}.${++writes}.tmp`;
      try {
        await mkdir(folder, { recursive: true });
        await writeFile(tmp, deflated);
        await rename(tmp, file(key));
      } catch {
        // A read-only or full disk only costs the next build the deflating.
      }
    },
  };
}
