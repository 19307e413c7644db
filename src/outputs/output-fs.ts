/**
 * The file-system calls the output commit makes, as one object: tests pass
 * a copy that "dies" at a chosen call (every later call fails too), which is
 * what a kill at that instant leaves on disk; then they run the next build's
 * recovery with the real calls and check the folder.
 */
import { constants } from 'node:fs';
import { access, lstat, open, readdir, rename, rm } from 'node:fs/promises';
import { makeFolders } from '../files/make-folders.js';
import { readRegularText } from '../files/read-regular-file.js';
import { join } from 'node:path';

export interface EntryKind {
  /** A regular file: the only kind of entry the tool ever writes or replaces. */
  file: boolean;
}

export interface OutputFs {
  mkdir(path: string): Promise<void>;
  /** Writes and flushes to disk before returning, so a rename that follows never exposes a short file. */
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Removes a file, or a folder with what is in it; nothing when absent. */
  remove(path: string): Promise<void>;
  readdir(path: string): Promise<string[]>;
  /** null when nothing is there. */
  kind(path: string): Promise<EntryKind | null>;
  readText(path: string): Promise<string>;
  /** Flushes a folder's entries (renames) to disk. */
  syncDir(path: string): Promise<void>;
  /** Throws EACCES, EROFS … when the folder cannot be written. */
  checkWritable(path: string): Promise<void>;
  /** Whether another process with this id is running (its leftovers are not yet strays). */
  isRunning(pid: number): boolean;
}

const errno = (e: unknown): string | undefined => (e as NodeJS.ErrnoException).code;

async function kindOf(path: string): Promise<EntryKind | null> {
  try {
    return { file: (await lstat(path)).isFile() };
  } catch (e) {
    if (errno(e) === 'ENOENT') return null;
    throw e;
  }
}

async function durableWrite(path: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(path, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function syncDir(path: string): Promise<void> {
  // Windows cannot open a folder for flushing (and does not need to): its renames are journaled by NTFS.
  if (process.platform === 'win32') return;
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to another user.
    return errno(e) === 'EPERM';
  }
}

let probes = 0;

/**
 * Whether a file can be made in `dir`, by making one: access() answers for permission bits only,
 * and root passes them everywhere (`--out /proc` was refused only after the whole build).
 */
async function probeWritable(dir: string): Promise<void> {
  await access(dir, constants.W_OK | constants.X_OK);
  // One name per probe: the quarters of a batch check their common parent at once.
  const probe = join(dir, `.bulletin-probe-${process.pid}-${++probes}.tmp`);
  const handle = await open(probe, 'wx');
  await handle.close();
  await rm(probe, { force: true });
}

export const realOutputFs: OutputFs = {
  mkdir: makeFolders,
  writeFile: durableWrite,
  rename,
  remove: (path) => rm(path, { recursive: true, force: true }),
  readdir: (path) => readdir(path),
  kind: kindOf,
  readText: readRegularText,
  syncDir,
  checkWritable: probeWritable,
  isRunning,
};
