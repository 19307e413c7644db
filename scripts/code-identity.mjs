// The identity of the bundle's code (src/pipeline/pdf-cache.ts keys finished PDFs by it):
// the SHA-256 of every .js file esbuild wrote into dist/bundle/, names and contents, in
// name order. Written by scripts/bundle.mjs beside the chunks as code-identity.txt.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const IDENTITY_FILE = 'code-identity.txt';

/** The identity of the bundle in `dir` (64 hex digits). */
export function codeIdentity(dir) {
  const hash = createHash('sha256');
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.js'))
    .sort()) {
    const bytes = readFileSync(join(dir, name));
    hash.update(`${name}\n${bytes.length}\n`).update(bytes);
  }
  return hash.digest('hex');
}
