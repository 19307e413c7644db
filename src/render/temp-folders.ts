/**
 * The one temporary folder of a run: Chromium's profile and the page being
 * printed live in `<tmp>/bulletin-<pid>-XXXXXX`. A run killed with `kill -9`
 * cannot remove it, so every run that starts Chromium first removes the
 * folders of runs whose process is gone. Only folders of exactly that shape
 * are touched: the tool never deletes what it did not write.
 */
import { readFileSync } from 'node:fs';
import { lstat, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { leftoverReason, removeFolder, type RemoveFolder } from './leftovers.js';

const PREFIX = 'bulletin-';
/** mkdtemp appends six characters. */
const RUN_FOLDER = /^bulletin-(\d+)-[A-Za-z0-9]{6}$/;

export function makeRunFolder(root: string = tmpdir(), pid: number = process.pid): Promise<string> {
  return mkdtemp(join(root, `${PREFIX}${pid}-`));
}

/** The pid in a run folder's name, or null when the name is not one of ours. */
export function runFolderPid(name: string): number | null {
  const m = RUN_FOLDER.exec(name);
  return m ? Number(m[1]) : null;
}

/**
 * Whether a process is still running. A zombie (state Z in /proc/PID/stat:
 * dead, not yet reaped, as happens where PID 1 does not reap orphans) is dead.
 */
export function processAlive(pid: number): boolean {
  if (process.platform === 'linux') {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      return false; // no /proc entry: no such process
    }
    // The name in parentheses may hold spaces: the state follows the last ')'.
    return stat.charAt(stat.lastIndexOf(')') + 2) !== 'Z';
  }
  // No /proc (macOS): signal 0 tests existence; EPERM means it exists under another user.
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface Sweep {
  removed: string[];
  /** Folders that could not be removed, and why in Chinese (the next run tries again); not a reason to fail a build. */
  failed: Array<{ path: string; reason: string }>;
}

/** Removes the run folders, owned by this user, of processes that are gone. */
export async function sweepDeadRuns(
  root: string = tmpdir(),
  alive: (pid: number) => boolean = processAlive,
  remove: RemoveFolder = removeFolder,
): Promise<Sweep> {
  const uid = process.getuid?.();
  const candidates = (await readdir(root)).filter((n) => {
    const pid = runFolderPid(n);
    return pid !== null && pid !== process.pid && !alive(pid);
  });
  const out: Sweep = { removed: [], failed: [] };
  for (const name of candidates) {
    const path = join(root, name);
    try {
      // Only real folders (not a link to elsewhere); in a shared /tmp another user's are theirs.
      const st = await lstat(path);
      if (!st.isDirectory() || (uid !== undefined && st.uid !== uid)) continue;
      await remove(path);
      out.removed.push(path);
    } catch (e) {
      out.failed.push({ path, reason: leftoverReason(e) });
    }
  }
  return out;
}
