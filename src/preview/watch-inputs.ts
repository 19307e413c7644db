/**
 * What the preview watches: folders (the quarter's, the templates) with
 * everything under them, and single files (the configuration). Each folder
 * is watched by itself, not with `recursive: true`: Node 20's recursive
 * watch on Linux follows each file's inode, so after an editor's atomic
 * save (a new file renamed over the old one) it saw no later save of that
 * file (checked on Node 20.20). A folder's own watch sees every name in it
 * change, whichever way it is saved. A file is watched through its folder,
 * by name, for the same reason.
 */
import { readdirSync, statSync, watch, type Dirent, type FSWatcher } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';

/** Whether a watch or listing failed because the folder is not there (any more): nothing to watch. */
const missing = (e: unknown): boolean => ['ENOENT', 'ENOTDIR'].includes((e as NodeJS.ErrnoException).code ?? '');

const isFolder = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch (e) {
    if (missing(e)) return false;
    throw e;
  }
};

/** Watches by key (a folder, or `file:` and the file), each closed when its folder goes. */
class Watches {
  readonly #all = new Map<string, FSWatcher>();
  constructor(private readonly changed: () => void) {}

  has = (key: string): boolean => this.#all.has(key);

  /** Whether `folder` is now watched under `key` (false: not a folder, or no longer there). */
  add(key: string, folder: string, onName: (name: string | null) => void): boolean {
    if (!isFolder(folder)) return false;
    let w: FSWatcher;
    try {
      w = watch(folder, (_, name) => onName(name));
    } catch (e) {
      if (missing(e)) return false;
      throw e;
    }
    // A folder removed while watched: its watch ends; the rebuild reports what is missing.
    w.on('error', () => {
      this.drop(key);
      this.changed();
    });
    this.#all.set(key, w);
    return true;
  }

  /** Stops watching `key` and, for a folder, everything under it. */
  drop(key: string): void {
    for (const [k, w] of this.#all)
      if (k === key || k.startsWith(`${key}${sep}`)) {
        w.close();
        this.#all.delete(k);
      }
  }

  close(): void {
    this.#all.forEach((w) => w.close());
    this.#all.clear();
  }
}

/** Calls `changed` on each file event in `folders` (and their subfolders) or on `files`; close() stops watching. */
export function watchInputs(
  folders: readonly string[],
  files: readonly string[],
  changed: () => void,
): { close: () => void } {
  const watches = new Watches(changed);
  const watchTree = (folder: string): void => {
    if (watches.has(folder)) return;
    const onName = (name: string | null) => {
      changed();
      if (name === null) return;
      // A subfolder removed is forgotten; one added (or made again) is watched from now on.
      const path = join(folder, name);
      if (watches.has(path) && !isFolder(path)) watches.drop(path);
      watchTree(path);
    };
    if (!watches.add(folder, folder, onName)) return;
    for (const entry of entriesOf(folder)) if (entry.isDirectory()) watchTree(join(folder, entry.name));
  };
  try {
    folders.forEach(watchTree);
    // No name (some systems do not say): taken as a change of the file, a rebuild too many at worst.
    for (const file of files)
      watches.add(`file:${file}`, dirname(file), (name) => (name ?? basename(file)) === basename(file) && changed());
  } catch (e) {
    // Anything but a missing folder (no permission, too many watchers) is the user's to know.
    watches.close();
    throw e;
  }
  return { close: () => watches.close() };
}

function entriesOf(folder: string): Dirent[] {
  try {
    return readdirSync(folder, { withFileTypes: true });
  } catch (e) {
    if (missing(e)) return [];
    throw e;
  }
}
