/**
 * PDFs finished by earlier builds (render/pdf-print-key.ts says by what):
 * a rebuild whose print came out as before takes the finished file instead
 * of finishing the print again (render/pdf-finish.ts: about 0.1 s of the
 * sample's cached build). In the layout cache's folder, under pdfs/; off
 * with --no-cache. Each file carries its SHA-256 (cache-files.ts): one that
 * does not match is finished again.
 *
 * The key includes the identity of the code that finishes, so an upgrade
 * never serves a file finished by older code. It is not a number bumped by
 * hand: scripts/bundle.mjs writes the SHA-256 of every file of the bundle
 * into dist/bundle/code-identity.txt, next to
 * the chunk this module is bundled into. Run from anywhere else (tsc's
 * dist/, the tests' sources), there is no such file, and every build
 * finishes its print.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { finalizePdf, type PdfInfo } from '../render/pdf-file.js';
import { finishKey } from '../render/pdf-print-key.js';
import { cacheFiles, type CacheFiles } from './cache-files.js';

export interface FinishedPdfCache {
  /** Identifies the finishing code: the bundle's files and the Node that runs them. */
  code: string;
  files: CacheFiles;
}

/** The bundle's identity, from the file written beside its chunks; null where there is none (also for font-css-cache.ts). */
export function bundleIdentity(): string | null {
  try {
    const id = readFileSync(new URL('./code-identity.txt', import.meta.url), 'utf8').trim();
    return /^[0-9a-f]{64}$/.test(id) ? id : null;
  } catch {
    return null; // not the bundle (or an unreadable one): nothing is taken from the cache
  }
}

/** A cache under `dir`; none with `dir` null (--no-cache) or no known `code` identity. */
export function finishedPdfCache(dir: string | null, code = bundleIdentity()): FinishedPdfCache | null {
  if (!dir || !code) return null;
  return { code: `${code} node ${process.version}`, files: cacheFiles(join(dir, 'pdfs'), '.pdf', true) };
}

/** finalizePdf's bytes, from `cache` when an earlier build finished the same print the same way. */
export async function finishPdf(print: Uint8Array, info: PdfInfo, cache: FinishedPdfCache | null): Promise<Uint8Array> {
  const key = cache && finishKey(print, info, cache.code);
  const stored = key && (await cache.files.read(key));
  if (stored) return stored;
  const pdf = await finalizePdf(print, info);
  if (key) await cache.files.write(key, pdf);
  return pdf;
}
