/**
 * A quarter's outputs are replaced as a set: after a kill at any instant the
 * folder ends up with the complete earlier set or the complete new one.
 *
 * The folder may hold files the tool did not write (an editor's notes), so
 * it is not swapped as a whole: only the tool's own files are replaced, and a
 * journal says how far a replacement went.
 *   1. The new files are written and flushed into `.bulletin-new-<pid>/`.
 *   2. The journal `.bulletin-commit.json` (written aside, then renamed:
 *      it exists whole or not at all) lists them. This rename is the commit.
 *   3. Each earlier file is moved into `.bulletin-new-<pid>/.old/`, the new one
 *      into its place; earlier outputs this build does not make (bulletin.html
 *      after `--format pdf`) are moved aside too, as they belong to the old set.
 *   4. The journal is removed, then the staging folder with the old files.
 * Killed before 2: the next run removes the staging folder (a stray) and the
 * old set is untouched. Killed after 2: the next run finds the journal and
 * finishes step 3 (every step of it can be repeated), then 4. A failure
 * this process can still handle (a file held open on Windows) puts the old
 * set back at once.
 */
import { join } from 'node:path';
import { realOutputFs, type OutputFs } from './output-fs.js';
import { JOURNAL, journalTmp, OLD, readJournal, refuseForeign, removeStrays, type Journal } from './output-journal.js';

export interface OutputFile {
  name: string;
  data: string | Uint8Array;
}

export interface CommitOptions {
  /** Every name the tool may write into the folder; those this build does not write are removed. */
  owned?: readonly string[];
  fs?: OutputFs;
}

/** Steps 3: idempotent, so the next run can repeat it from wherever a kill stopped it. */
async function swapIn(dir: string, j: Journal, fs: OutputFs): Promise<void> {
  const staging = join(dir, j.staging);
  for (const name of j.files) {
    if (!(await fs.kind(join(staging, name)))) continue; // already in place
    const old = await fs.kind(join(dir, name));
    if (old && !old.file) await refuseForeign(dir, [name], fs);
    if (old && !(await fs.kind(join(staging, OLD, name)))) await fs.rename(join(dir, name), join(staging, OLD, name));
    await fs.rename(join(staging, name), join(dir, name));
  }
  for (const name of j.stale)
    if ((await fs.kind(join(dir, name)))?.file) await fs.rename(join(dir, name), join(staging, OLD, name));
  await fs.syncDir(dir);
}

/** Step 4. The journal goes first: once it is gone, what is left is a stray the next run removes. */
async function finish(dir: string, j: Journal, fs: OutputFs): Promise<void> {
  await fs.remove(join(dir, JOURNAL));
  await fs.syncDir(dir);
  await fs.remove(join(dir, j.staging));
}

/** Undoes step 3 in this process; the new files go back to staging, so the journal stays valid until removed. */
async function rollBack(dir: string, j: Journal, fs: OutputFs): Promise<void> {
  const staging = join(dir, j.staging);
  for (const name of [...j.files, ...j.stale].reverse()) {
    const isNew = j.files.includes(name);
    if (isNew && !(await fs.kind(join(staging, name))) && (await fs.kind(join(dir, name))))
      await fs.rename(join(dir, name), join(staging, name));
    if (await fs.kind(join(staging, OLD, name))) await fs.rename(join(staging, OLD, name), join(dir, name));
  }
  await fs.syncDir(dir);
  await fs.remove(join(dir, journalTmp())); // when the commit's rename itself failed
  await finish(dir, j, fs);
}

/** Completes or clears what a run killed while writing this folder left behind. */
export async function recoverOutputs(
  dir: string,
  owned: readonly string[],
  fs: OutputFs = realOutputFs,
): Promise<void> {
  const journal = await readJournal(dir, fs);
  if (journal) {
    if (await fs.kind(join(dir, journal.staging))) await swapIn(dir, journal, fs);
    await finish(dir, journal, fs);
  }
  await removeStrays(dir, owned, fs);
}

async function stage(dir: string, files: readonly OutputFile[], j: Journal, fs: OutputFs): Promise<void> {
  const staging = join(dir, j.staging);
  try {
    await fs.mkdir(join(staging, OLD));
    for (const f of files) await fs.writeFile(join(staging, f.name), f.data);
    await fs.syncDir(staging);
    await fs.writeFile(join(dir, journalTmp()), `${JSON.stringify(j)}\n`);
  } catch (e) {
    // Nothing in place has changed; whatever this cleanup cannot remove, the next run removes as a stray.
    await Promise.allSettled([fs.remove(staging), fs.remove(join(dir, journalTmp()))]);
    throw e;
  }
}

export async function commitOutputs(
  dir: string,
  files: readonly OutputFile[],
  opts: CommitOptions = {},
): Promise<string[]> {
  const fs = opts.fs ?? realOutputFs;
  const names = files.map((f) => f.name);
  const owned = [...new Set([...(opts.owned ?? []), ...names])];
  await fs.mkdir(dir);
  await recoverOutputs(dir, owned, fs);
  await refuseForeign(dir, owned, fs);
  const stale: string[] = [];
  for (const name of owned) if (!names.includes(name) && (await fs.kind(join(dir, name)))?.file) stale.push(name);
  const journal: Journal = { tool: 'bulletin', staging: `.bulletin-new-${process.pid}`, files: names, stale };
  await stage(dir, files, journal, fs);
  try {
    await fs.rename(join(dir, journalTmp()), join(dir, JOURNAL));
    await swapIn(dir, journal, fs);
  } catch (e) {
    try {
      await rollBack(dir, journal, fs);
    } catch (undo) {
      throw new AggregateError([e, undo], 'commit failed and could not be undone; the next run completes it');
    }
    throw e;
  }
  await finish(dir, journal, fs);
  return names.map((n) => join(dir, n));
}
