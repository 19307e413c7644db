/**
 * Files of one kind in the cache folder (layouts, fonts/, charts/,
 * streams/), by key. Best effort: a file that cannot be read is not there,
 * and one that cannot be written (a read-only or full disk) only costs the
 * next build the work it would have saved. Writes go to a temporary file
 * renamed into place, so a reader never sees half a file, also when builds
 * run side by side. With `checked`, each file starts with the SHA-256 of
 * what follows, and one whose bytes do not match it is not there: for what
 * no print or inflating checks afterwards.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface CacheFiles {
  read(key: string): Promise<Buffer | null>;
  write(key: string, bytes: Uint8Array): Promise<void>;
}

let writes = 0;

const digest = (b: Uint8Array): Buffer => createHash('sha256').update(b).digest();

export function cacheFiles(folder: string, ext: string, checked: boolean): CacheFiles {
  const file = (key: string) => join(folder, `${key}${ext}`);
  return {
    async read(key) {
      let stored: Buffer;
      try {
        stored = await readFile(file(key));
      } catch {
        return null; // not there, or unreadable: made again
      }
      if (!checked) return stored;
      const body = stored.subarray(32);
      return stored.length > 32 && digest(body).equals(stored.subarray(0, 32)) ? body : null;
    },
    async write(key, bytes) {
      const tmp = `${file(key)}.${process.pid}.${++writes}.tmp`;
      try {
        await mkdir(folder, { recursive: true });
        await writeFile(tmp, checked ? Buffer.concat([digest(bytes), bytes]) : bytes);
        await rename(tmp, file(key));
      } catch {
        // Not written: the next build does the work again.
      }
    },
  };
}
