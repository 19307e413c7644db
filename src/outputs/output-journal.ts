/**
 * The names the output commit leaves while it works, and how the next run
 * tells its own leftovers from a user's files: only names of these exact
 * patterns are ever removed, and only regular files among the outputs.
 */
import { join } from 'node:path';
import { BulletinError } from '../model/errors.js';
import type { OutputFs } from './output-fs.js';

export const JOURNAL = '.bulletin-commit.json';
/** Inside the staging folder: the earlier files, until the commit is complete. */
export const OLD = '.old';
export const journalTmp = (): string => `${JOURNAL}.${process.pid}.tmp`;

export interface Journal {
  tool: 'bulletin';
  /** The staging folder's name, inside the output folder. */
  staging: string;
  /** What the new set is made of. */
  files: string[];
  /** Earlier outputs that are not part of the new set. */
  stale: string[];
}

const STAGING = /^\.bulletin-new-(\d+)$/;
const JOURNAL_TMP = /^\.bulletin-commit\.json\.(\d+)\.tmp$/;
/** What versions before the journal left: `.stats.json.<pid>.tmp` and `.bak`. */
const LEGACY = /^\.(.+)\.(\d+)\.(tmp|bak)$/;

const plainName = (n: unknown): n is string =>
  typeof n === 'string' && n !== '' && n !== '.' && n !== '..' && !/[/\\]/.test(n);

function corrupt(dir: string): BulletinError {
  return new BulletinError(
    'output.journal',
    'config',
    `输出文件夹 ${dir} 中的 ${JOURNAL} 已损坏，无法判断上次写入进行到哪一步。`,
    `请检查该文件夹中的输出文件是否完整，删除 ${JOURNAL} 后重新生成。`,
  );
}

export async function readJournal(dir: string, fs: OutputFs): Promise<Journal | null> {
  if (!(await fs.kind(join(dir, JOURNAL)))) return null;
  let j: Partial<Journal>;
  try {
    j = JSON.parse(await fs.readText(join(dir, JOURNAL))) as Partial<Journal>;
  } catch (e) {
    if (e instanceof SyntaxError) throw corrupt(dir);
    throw e;
  }
  const ok =
    j.tool === 'bulletin' &&
    typeof j.staging === 'string' &&
    STAGING.test(j.staging) &&
    Array.isArray(j.files) &&
    j.files.every(plainName) &&
    Array.isArray(j.stale) &&
    j.stale.every(plainName);
  if (!ok) throw corrupt(dir);
  return j as Journal;
}

/** Refuses to replace anything that is not a regular file: a folder named bulletin.pdf is the user's. */
export async function refuseForeign(dir: string, names: readonly string[], fs: OutputFs): Promise<void> {
  for (const name of names) {
    const kind = await fs.kind(join(dir, name));
    if (kind && !kind.file)
      throw new BulletinError(
        'output.not-ours',
        'config',
        `输出文件夹中的 ${join(dir, name)} 是一个文件夹（或快捷方式、特殊文件），不是 bulletin 生成的文件。为免误删其中的内容，没有写入任何文件。`,
        '请把它移走或改名后重试，或用 --out 指定另一个输出文件夹。',
      );
  }
}

/** The process id in a leftover's name, or null when the name is not one of the tool's patterns. */
function leftoverPid(name: string, owned: readonly string[]): number | null {
  const m = STAGING.exec(name) ?? JOURNAL_TMP.exec(name);
  if (m) return Number(m[1]);
  const legacy = LEGACY.exec(name);
  return legacy && owned.includes(legacy[1] as string) ? Number(legacy[2]) : null;
}

/** Removes leftovers of runs that are no longer running; an earlier version's set-aside copy whose file is missing is put back. */
export async function removeStrays(dir: string, owned: readonly string[], fs: OutputFs): Promise<void> {
  if (!(await fs.kind(dir))) return;
  for (const name of (await fs.readdir(dir)).sort()) {
    const pid = leftoverPid(name, owned);
    if (pid === null || fs.isRunning(pid)) continue;
    const legacy = LEGACY.exec(name);
    const original = legacy?.[3] === 'bak' ? join(dir, legacy[1] as string) : null;
    if (original && !(await fs.kind(original))) await fs.rename(join(dir, name), original);
    else await fs.remove(join(dir, name));
  }
}
