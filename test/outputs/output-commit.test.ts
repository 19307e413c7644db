import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitOutputs, recoverOutputs } from '../../src/outputs/output-commit.js';
import { realOutputFs, type OutputFs } from '../../src/outputs/output-fs.js';
import { OUTPUT_NAMES } from '../../src/outputs/write-outputs.js';
import { tempDir } from '../helpers/cli.js';

const OLD = { 'stats.json': 'old stats', 'bulletin.pdf': 'old pdf', 'bulletin.html': 'old html' };
/** Built with --format pdf: bulletin.html belongs to the old set only. */
const NEW = { 'stats.json': 'new stats', 'bulletin.pdf': 'new pdf' };
const NEW_FILES = Object.entries(NEW).map(([name, data]) => ({ name, data }));
const USER = { 'notes.txt': 'editor notes' };

function folderWithOldSet(): string {
  const dir = join(tempDir(), '2022Q3');
  mkdirSync(dir);
  for (const [name, text] of Object.entries({ ...OLD, ...USER })) writeFileSync(join(dir, name), text);
  return dir;
}

/** Name → text of every entry (a folder reads as ''). */
function contents(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir).map((n) => [n, statSync(join(dir, n)).isDirectory() ? '' : readFileSync(join(dir, n), 'utf8')]),
  );
}

/**
 * The real calls, except that call number `at` fails; with `dies` every later
 * call fails too, which is what a kill at that instant leaves on disk.
 */
function faultyFs(at: number, dies: boolean): { fs: OutputFs; calls: () => number } {
  let n = 0;
  let dead = false;
  const wrap =
    <A extends unknown[], R>(f: (...a: A) => Promise<R>) =>
    async (...a: A): Promise<R> => {
      n += 1;
      if (dead || n === at) {
        dead ||= dies;
        throw Object.assign(new Error(`injected failure at call ${n}`), { code: 'EIO' });
      }
      return f(...a);
    };
  const r = realOutputFs;
  const fs: OutputFs = {
    mkdir: wrap(r.mkdir),
    writeFile: wrap(r.writeFile),
    rename: wrap(r.rename),
    remove: wrap(r.remove),
    readdir: wrap(r.readdir),
    kind: wrap(r.kind),
    readText: wrap(r.readText),
    syncDir: wrap(r.syncDir),
    checkWritable: wrap(r.checkWritable),
    isRunning: r.isRunning,
  };
  return { fs, calls: () => n };
}

async function countCalls(): Promise<number> {
  const { fs, calls } = faultyFs(Number.POSITIVE_INFINITY, false);
  await commitOutputs(folderWithOldSet(), NEW_FILES, { owned: OUTPUT_NAMES, fs });
  return calls();
}

describe('commitOutputs: all old or all new, whatever instant the process dies', () => {
  it('replaces the set, removes the earlier output this build does not make, keeps the user file', async () => {
    const dir = folderWithOldSet();
    await commitOutputs(dir, NEW_FILES, { owned: OUTPUT_NAMES });
    expect(contents(dir)).toEqual({ ...NEW, ...USER });
  });

  it('after a kill at every file-system call, the next run leaves the complete old or new set and no stray', async () => {
    const total = await countCalls();
    expect(total).toBeGreaterThan(20);
    const outcomes = new Set<string>();
    for (let at = 1; at <= total; at++) {
      const dir = folderWithOldSet();
      const { fs } = faultyFs(at, true);
      await expect(commitOutputs(dir, NEW_FILES, { owned: OUTPUT_NAMES, fs }), `call ${at}`).rejects.toThrow(
        /injected|commit failed/,
      );
      await recoverOutputs(dir, OUTPUT_NAMES);
      const after = contents(dir);
      const isNew = after['stats.json'] === NEW['stats.json'];
      expect(after, `killed at call ${at} of ${total}`).toEqual(isNew ? { ...NEW, ...USER } : { ...OLD, ...USER });
      outcomes.add(isNew ? 'new' : 'old');
    }
    // Killed before the journal: old; after it: new. Both must have happened.
    expect([...outcomes].sort()).toEqual(['new', 'old']);
  });

  it('a failure this process survives, at any call, leaves the old or new set at once', async () => {
    const total = await countCalls();
    for (let at = 1; at <= total; at++) {
      const dir = folderWithOldSet();
      const { fs } = faultyFs(at, false);
      const failed = await commitOutputs(dir, NEW_FILES, { owned: OUTPUT_NAMES, fs }).then(
        () => false,
        () => true,
      );
      const visible = Object.fromEntries(Object.entries(contents(dir)).filter(([n]) => !n.startsWith('.')));
      const isNew = visible['stats.json'] === NEW['stats.json'];
      expect(visible, `failed at call ${at} of ${total}`).toEqual(isNew ? { ...NEW, ...USER } : { ...OLD, ...USER });
      if (failed && !isNew)
        expect(
          readdirSync(dir).filter((n) => n.startsWith('.')),
          `call ${at}`,
        ).toEqual([]);
      await recoverOutputs(dir, OUTPUT_NAMES);
      expect(contents(dir)).toEqual(visible);
    }
  });
});

describe('commitOutputs: never removes what the tool did not write', () => {
  it('refuses when bulletin.pdf is a folder holding a user file: nothing deleted, nothing written', async () => {
    const dir = folderWithOldSet();
    rmSync(join(dir, 'bulletin.pdf'));
    mkdirSync(join(dir, 'bulletin.pdf'));
    writeFileSync(join(dir, 'bulletin.pdf', 'mine.docx'), 'user');
    const err = await commitOutputs(dir, NEW_FILES, { owned: OUTPUT_NAMES }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'output.not-ours', kind: 'config' });
    expect((err as Error).message).toContain(`${join(dir, 'bulletin.pdf')} 是一个文件夹`);
    expect(readdirSync(dir).sort()).toEqual(['bulletin.html', 'bulletin.pdf', 'notes.txt', 'stats.json']);
    expect(readFileSync(join(dir, 'bulletin.pdf', 'mine.docx'), 'utf8')).toBe('user');
    expect(readFileSync(join(dir, 'stats.json'), 'utf8')).toBe(OLD['stats.json']);
  });

  it('removes the leftovers of dead runs (this and earlier versions), and only those', async () => {
    const dir = folderWithOldSet();
    const dead = 999_999_999;
    mkdirSync(join(dir, `.bulletin-new-${dead}`));
    writeFileSync(join(dir, `.bulletin-new-${dead}`, 'stats.json'), 'half');
    writeFileSync(join(dir, `.bulletin-commit.json.${dead}.tmp`), '{');
    writeFileSync(join(dir, `.stats.json.${dead}.tmp`), 'half');
    writeFileSync(join(dir, `.bulletin.pdf.${dead}.bak`), 'older pdf');
    // An earlier version killed between setting bulletin.html aside and moving the new one in: it is put back.
    rmSync(join(dir, 'bulletin.html'));
    writeFileSync(join(dir, `.bulletin.html.${dead}.bak`), OLD['bulletin.html']);
    // Not the tool's: a name outside its patterns, and a staging folder of a build still running.
    writeFileSync(join(dir, '.notes.txt.12.tmp'), 'user');
    mkdirSync(join(dir, '.bulletin-new-4242'));
    const fs: OutputFs = { ...realOutputFs, isRunning: (pid) => pid === 4242 };
    await recoverOutputs(dir, OUTPUT_NAMES, fs);
    expect(contents(dir)).toEqual({ ...OLD, ...USER, '.notes.txt.12.tmp': 'user', '.bulletin-new-4242': '' });
  });

  it('a journal that is not one of its own is refused with a Chinese message, nothing touched', async () => {
    const dir = folderWithOldSet();
    writeFileSync(
      join(dir, '.bulletin-commit.json'),
      JSON.stringify({ tool: 'bulletin', staging: '../..', files: [], stale: [] }),
    );
    const err = await recoverOutputs(dir, OUTPUT_NAMES).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'output.journal', kind: 'config' });
    expect(Object.keys(contents(dir)).length).toBe(5);
  });
});
