/**
 * Where a quarter's outputs go and how they get there: checked before any
 * data is read (so a read-only folder is found in a second, not after the
 * PDF is printed), then replaced as a set (output-commit.ts).
 */
import { dirname, join } from 'node:path';
import { BulletinError, isBulletinError } from '../model/errors.js';
import { systemReason } from '../model/system-reasons.js';
import { commitOutputs, recoverOutputs, type CommitOptions, type OutputFile } from './output-commit.js';
import { realOutputFs, type OutputFs } from './output-fs.js';
import { refuseForeign } from './output-journal.js';

export type { OutputFile } from './output-commit.js';

/** Every file a build may write into a quarter's folder: only these are ever replaced or removed. */
/** What a draft build writes (never stats.json: only published figures are archived) and replaces. */
export const DRAFT_OUTPUT_NAMES: readonly string[] = [
  'bulletin-draft.pdf',
  'bulletin-draft.html',
  'bulletin-draft.docx',
];
/** A final build replaces the whole set, stale drafts included. */
export const FINAL_OUTPUT_NAMES: readonly string[] = [
  'stats.json',
  'bulletin.pdf',
  'bulletin.html',
  'bulletin.docx',
  ...DRAFT_OUTPUT_NAMES,
];
/** Every name the tool writes in a quarter's folder. */
export const OUTPUT_NAMES: readonly string[] = FINAL_OUTPUT_NAMES;

/** A Chinese message for a file-system failure; the system's English stays in `cause` (shown with BULLETIN_DEBUG). */
export function outputError(dir: string, e: unknown, when: 'check' | 'write'): BulletinError {
  if (isBulletinError(e)) return e;
  const unfinished = e instanceof AggregateError;
  return new BulletinError(
    when === 'check' ? 'output.not-writable' : 'output.write',
    'config',
    when === 'check'
      ? `无法写入输出文件夹 ${dir}：${systemReason(e, 'write')}。没有读取数据，也没有生成任何文件。`
      : `写入输出文件夹 ${dir} 失败：${systemReason(e, 'write')}。${unfinished ? '' : '原有的输出文件保持不变。'}`,
    unfinished
      ? '原有文件未能全部放回；下次运行 bulletin build 时会自动把这个文件夹补全为新生成的一套。请先排除上述问题（如关闭打开着的 PDF）。'
      : '请用 --out（或配置文件中的 out）指定一个可以写入的文件夹，或请管理员开放写入权限、腾出磁盘空间，然后重试。',
    { cause: e },
  );
}

/** The nearest folder that exists on the way to `dir` (which is created only when there is something to write). */
async function nearestExisting(dir: string, fs: OutputFs): Promise<string> {
  for (let p = dir; ; p = dirname(p)) {
    const kind = await fs.kind(p);
    if (kind?.file) throw Object.assign(new Error(`${p} is a file`), { code: 'ENOTDIR' });
    if (kind || dirname(p) === p) return p;
  }
}

/**
 * Before anything is read: the quarter's folder (or the nearest existing
 * folder above it) can be written, a run killed while writing it is
 * completed, and no output name is taken by a folder of the user's.
 */
export async function checkOutputFolder(dir: string, fs: OutputFs = realOutputFs): Promise<void> {
  try {
    const existing = await nearestExisting(dir, fs);
    await fs.checkWritable(existing);
    if (existing !== dir) return;
    await recoverOutputs(dir, OUTPUT_NAMES, fs);
    await refuseForeign(dir, OUTPUT_NAMES, fs);
  } catch (e) {
    throw outputError(dir, e, 'check');
  }
}

export async function writeAtomically(
  dir: string,
  files: readonly OutputFile[],
  opts: CommitOptions = {},
): Promise<string[]> {
  return commitOutputs(dir, files, opts);
}

/** The build's last step: the quarter's outputs, replaced as a set; failures as Chinese messages. */
export async function writeQuarterOutputs(
  outDir: string,
  quarter: string,
  files: readonly OutputFile[],
  owned: readonly string[] = FINAL_OUTPUT_NAMES,
  fs: OutputFs = realOutputFs,
): Promise<string[]> {
  const dir = join(outDir, quarter);
  try {
    return await commitOutputs(dir, files, { owned, fs });
  } catch (e) {
    throw outputError(dir, e, 'write');
  }
}
