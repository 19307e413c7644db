/**
 * Creating a folder and those above it. Node's `mkdir(p, { recursive: true })`
 * loops for ever where the system answers ENOENT for a folder whose parent
 * exists (`init --data /proc`, `BULLETIN_CACHE_DIR=/proc/x` never ended): here
 * each missing folder is made once, top down, and the first refusal is thrown.
 */
import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileSystemError } from './read-regular-file.js';

/** The folders on the way to `dir` that do not exist yet, top first; a file on the way is ENOTDIR. */
async function missingFolders(dir: string): Promise<string[]> {
  const missing: string[] = [];
  for (let p = resolve(dir); ; p = dirname(p)) {
    const found = await stat(p).catch((e: NodeJS.ErrnoException) => {
      // ENOTDIR: a file further up, named when the walk reaches it.
      if (e.code === 'ENOENT' || e.code === 'ENOTDIR') return null;
      throw e;
    });
    if (found && !found.isDirectory()) throw fileSystemError('ENOTDIR', p, 'not a folder');
    if (found) return missing;
    missing.unshift(p);
    if (dirname(p) === p) return missing;
  }
}

/** `mkdir -p`, bounded: at most one mkdir per missing folder. */
export async function makeFolders(dir: string): Promise<void> {
  for (const folder of await missingFolders(dir))
    await mkdir(folder).catch((e: NodeJS.ErrnoException) => {
      // Made meanwhile by another run: that is what was wanted.
      if (e.code !== 'EEXIST') throw e;
    });
}
