/**
 * Keeps each kind of cache file under a size (cache-files.ts). Entries are
 * keyed by content, so every edit of an article or a figure adds new ones
 * (the print's font rules alone are about 4 MB a character set) and a
 * folder never pruned would grow with every preview save. After a write,
 * the least recently used files of that kind go first until the kind fits
 * again; a read marks its file used (its modification time), so what
 * rebuilds still use stays. Builds side by side may prune the same folder:
 * a file another one removed first is simply gone, and a build that loses a
 * file it was about to read does the work again.
 */
import { readdir, stat, unlink, utimes } from 'node:fs/promises';
import { join } from 'node:path';

/** Bytes each kind of cache file may take (16 print font rules, 60 finished sample PDFs). */
export const CACHE_BUDGET_BYTES = 64 * 1024 * 1024;

interface Entry {
  path: string;
  size: number;
  used: number;
}

/** A file's size and last use; null when it is gone (removed by a build beside this one). */
async function entry(path: string): Promise<Entry | null> {
  try {
    const s = await stat(path);
    return { path, size: s.size, used: s.mtimeMs };
  } catch {
    return null; // removed meanwhile: nothing to count
  }
}

/** Marks a file just read as used, so that pruning keeps it over older ones. */
export async function markUsed(path: string, now: Date): Promise<void> {
  try {
    await utimes(path, now, now);
  } catch {
    // Removed or read-only: it is then only pruned sooner, and made again when needed.
  }
}

/**
 * Removes the least recently used `ext` files of `folder` (never `keep`) until they fit
 * `budget`; gives the bytes that are left.
 */
export async function pruneFolder(folder: string, ext: string, budget: number, keep: string): Promise<number> {
  let names: string[];
  try {
    names = (await readdir(folder)).filter((n) => n.endsWith(ext));
  } catch {
    return 0; // the folder went away: nothing left to prune
  }
  const entries = (await Promise.all(names.map((n) => entry(join(folder, n))))).filter((e) => e !== null);
  let total = entries.reduce((sum, e) => sum + e.size, 0);
  entries.sort((a, b) => a.used - b.used || a.path.localeCompare(b.path));
  for (const e of entries) {
    if (total <= budget) break;
    if (e.path === keep) continue;
    try {
      await unlink(e.path);
    } catch {
      // Removed by a build beside this one: it no longer counts either way.
    }
    total -= e.size;
  }
  return total;
}
