/**
 * A quarter's tables: which files of a folder are read, and what the checked
 * tables amount to (records, national, foreign, clues). One assembly for a
 * folder and for loose files, so `national-recalls` counts the same in both.
 */
import type { ClueRow, ForeignInput, NationalInput } from '../model/bulletin.js';
import { fileWarning, type ValidationIssue } from '../model/issues.js';
import type { Quarter } from '../model/quarter.js';
import type { CountQty } from '../model/bulletin.js';
import { createStatsAccumulator, type StatsTallies } from '../aggregate/stats-accumulator.js';
import type { ReferenceData } from '../model/reference.js';
import type { ProgressListener } from '../model/progress.js';
import { nationalFromRecords } from '../aggregate/national-stats.js';
import { checkTableFile, type CheckedFile } from './check-file.js';
import { kindTitle, type CheckContext, type Checked, type TableKind } from './input-kinds.js';
import type { LocatedQuarter } from './locate-inputs.js';
import type { Hold } from './tallied-checker.js';

export interface QuarterTables {
  /**
   * What is held of the recall records: the figures they add up to, gathered
   * while the rows were checked (null when only the checks were asked for,
   * Hold 'none'), never the records themselves.
   */
  tallies: StatsTallies | null;
  /** Accepted records and their quantity; null when no records file was checked (not given, or unreadable). */
  totals: CountQty | null;
  national: NationalInput | null;
  foreign: ForeignInput | null;
  clues: ClueRow[] | null;
}

function missingSection(file: string, what: string, files: string): ValidationIssue {
  return fileWarning(
    file,
    'input.section.missing',
    `没有${what}的数据文件（${files}），公报中将不包含这一部分。`,
    `如需这一部分，请把 ${files} 放入本季度文件夹。`,
  );
}

/** The national section needs both tables (or the export): with one of them, say which is missing and that the other is unused. */
function nationalMissing(folder: string, has: (k: TableKind) => boolean): ValidationIssue {
  const one = (['national-categories', 'national-provinces'] as const).find(has);
  if (!one)
    return missingSection(folder, '全国召回情况', 'national-categories 和 national-provinces，或 national-recalls');
  const other = one === 'national-categories' ? 'national-provinces' : 'national-categories';
  return fileWarning(
    folder,
    'input.section.missing',
    `有${kindTitle(one)}（${one}），但没有${kindTitle(other)}（${other}）：全国召回情况要两张表一起才能印出，公报中将不包含这一部分（包括“位居全国第N”），${one} 只做了检查。`,
    `如需这一部分，请把 ${other} 放入本季度文件夹（或改用一份 national-recalls）。`,
  );
}

/** Tables read together, then the warning for the part of the bulletin they leave out (findings keep this order). */
export interface TableGroup {
  kinds: TableKind[];
  missing: ValidationIssue[];
}

/** Which of a folder's tables are read, in order: `national-recalls` replaces the two national tables. */
export function folderPlan(located: LocatedQuarter, folder: string): TableGroup[] {
  const has = (k: TableKind) => Boolean(located.tables[k]);
  const present = (kinds: TableKind[]) => kinds.filter(has);
  const gap = (when: boolean, what: string, files: string) => (when ? [missingSection(folder, what, files)] : []);
  const byRecords = has('national-recalls');
  const bySummary = has('national-categories') && has('national-provinces');
  return [
    {
      kinds: byRecords ? ['national-recalls'] : present(['national-categories', 'national-provinces']),
      missing: byRecords || bySummary ? [] : [nationalMissing(folder, has)],
    },
    {
      kinds: present(['foreign', 'foreign-categories']),
      missing: [
        ...gap(!has('foreign'), '国外消费品召回统计', 'foreign'),
        ...gap(has('foreign') && !has('foreign-categories'), '国外召回的产品类别分布', 'foreign-categories'),
      ],
    },
    { kinds: present(['clues']), missing: gap(!has('clues'), '共享缺陷信息线索（表4）', 'clues') },
  ];
}

/** The recall records come first: their file decides the quarter's figures, the rest only adds to them. */
export async function checkRecords(
  path: string,
  display: string,
  ctx: CheckContext,
  sheet: string | undefined,
  onProgress: ProgressListener,
  hold: Hold,
): Promise<CheckedFile> {
  onProgress({ phase: 'read', message: `读取 ${display}` });
  const recalls = await checkTableFile(path, display, ctx, 'recalls', sheet, hold);
  const r = recalls.report;
  onProgress({
    phase: 'validate',
    message: `检查 ${r.rows?.read ?? 0} 行召回记录（${r.sheet ? `工作表“${r.sheet}”` : `${r.encoding ?? ''} 编码`}）`,
  });
  return recalls;
}

/** The first checked table of each kind. */
function picker(files: readonly CheckedFile[]) {
  return <K extends TableKind>(k: K) =>
    files.find((f) => f.checked?.kind === k)?.checked as Extract<Checked, { kind: K }> | undefined;
}

/** What the checked tables amount to: national and foreign figures only when every part of them was read. */
export function assembleTables(
  files: readonly CheckedFile[],
  ref: ReferenceData,
  quarter: Quarter | null,
  hold: Hold,
): QuarterTables {
  const pick = picker(files);
  const nationalRecords = pick('national-recalls');
  const cats = pick('national-categories');
  const provs = pick('national-provinces');
  let national: NationalInput | null = null;
  if (nationalRecords) national = quarter ? nationalFromRecords(nationalRecords.records, ref, quarter) : null;
  else if (cats && provs) national = { source: 'summary', categories: cats.categories, provinces: provs.provinces };
  const jur = pick('foreign');
  const foreign: ForeignInput | null = jur
    ? { jurisdictions: jur.jurisdictions, categories: pick('foreign-categories')?.categories ?? [] }
    : null;
  const recalls = pick('recalls');
  // A records file that could not be checked adds up to nothing (a draft prints it so, stamped 草稿).
  const none = hold === 'tallies' ? createStatsAccumulator().finish() : null;
  return {
    tallies: recalls?.tallies ?? none,
    totals: recalls?.totals ?? null,
    national,
    foreign,
    clues: pick('clues')?.clues ?? null,
  };
}
