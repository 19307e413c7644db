/**
 * Files of one kind in the cache folder (layouts, fonts/, charts/, pdfs/),
 * by key. Best effort: a file that cannot be read is not there,
 * and one that cannot be written (a read-only or full disk) only costs the
 * next build the work it would have saved. Writes go to a temporary file
 * renamed into place, so a reader never sees half a file, also when builds
 * run side by side. With `checked`, each file starts with the SHA-256 of
 * what follows, and one whose bytes do not match it is not there: for what
 * no print checks afterwards. Each kind is kept under a size
 * (cache-prune.ts): the least recently used files go first.
 */
import { createHash } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { makeFolders } from '../files/make-folders.js';
import { systemReason } from '../model/system-reasons.js';
import { readRegularFile } from '../files/read-regular-file.js';
import { join } from 'node:path';
import { CACHE_BUDGET_BYTES, markUsed, pruneFolder } from './cache-prune.js';

/** A cache file not written, and why; `left` the temporary file a disk refused to remove too. */
export interface NotCached {
  reason: string;
  left: string | null;
}

export interface CacheFiles {
  read(key: string): Promise<Buffer | null>;
  /** Null when stored; else why not (a full disk): the next build does the work again. */
  write(key: string, bytes: Uint8Array): Promise<NotCached | null>;
}

let writes = 0;

const digest = (b: Uint8Array): Buffer => createHash('sha256').update(b).digest();

/** `now` says when a file was last used (read or written); the clock unless a test gives one. */
export function cacheFiles(
  folder: string,
  ext: string,
  checked: boolean,
  budget = CACHE_BUDGET_BYTES,
  now: () => Date = () => new Date(),
): CacheFiles {
  const file = (key: string) => join(folder, `${key}${ext}`);
  // The kind's bytes, counted by the first write's pruning and added to after: one look at the
  // folder per build, not one per file written (a cold build writes dozens of font subsets).
  let bytesKept: Promise<number> = Promise.resolve(Infinity);
  const kept = (path: string, size: number): Promise<number> =>
    (bytesKept = bytesKept.then((n) => (n + size > budget ? pruneFolder(folder, ext, budget, path) : n + size)));
  return {
    async read(key) {
      let stored: Buffer;
      try {
        stored = await readRegularFile(file(key));
      } catch {
        return null; // not there, or unreadable: made again
      }
      const body = checked ? stored.subarray(32) : stored;
      if (checked && !(stored.length > 32 && digest(body).equals(stored.subarray(0, 32)))) return null;
      await markUsed(file(key), now());
      return body;
    },
    async write(key, bytes) {
      const tmp = `${file(key)}.${process.pid}.${++writes}.tmp`;
      const stored = checked ? Buffer.concat([digest(bytes), bytes]) : bytes;
      try {
        await makeFolders(folder);
        await writeFile(tmp, stored);
        await rename(tmp, file(key));
      } catch (e) {
        // What was half written goes, so a full disk is not left fuller.
        const left = await rm(tmp, { force: true }).then(
          () => null,
          // Under a file (ENOTDIR) nothing was made to remove.
          (r: NodeJS.ErrnoException) => (r.code === 'ENOTDIR' ? null : tmp),
        );
        return { reason: systemReason(e, 'write'), left };
      }
      await markUsed(file(key), now());
      await kept(file(key), stored.length);
      return null;
    },
  };
}
