/**
 * The PDF's rewritten page contents, deflated by earlier builds
 * (render/pdf-joiners.ts names them by the SHA-256 of what they inflate to),
 * so a rebuild of an unchanged document does not deflate the same pages
 * again with pdf-lib's pako (about 0.12 s of CPU for the sample). In
 * the layout cache's folder, under streams/; off with --no-cache. One that
 * does not inflate to exactly the page's content is not used (pdf-joiners.ts
 * checks), so the files carry no checksum of their own.
 */
import { join } from 'node:path';
import type { DeflateCache } from '../render/pdf-joiners.js';
import { cacheFiles } from './cache-files.js';

/** A cache under `dir`; `null` (--no-cache) gives none. */
export function deflateCache(dir: string | null): DeflateCache | null {
  if (!dir) return null;
  const files = cacheFiles(join(dir, 'streams'), '.deflate', false);
  return { get: (key) => files.read(key), put: (key, deflated) => files.write(key, deflated) };
}
