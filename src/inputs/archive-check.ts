/**
 * An archived stats.json is used only if its build could have written it:
 * every figure compare and the trend sentence read has its type, and the
 * figures agree with each other (aggregate/archive-consistency.ts). A file
 * edited by hand that breaks either is a damaged archive
 * (input.archive.inconsistent), never a source of figures.
 */
import { archiveMismatch } from '../aggregate/archive-consistency.js';
import { BulletinError } from '../model/errors.js';
import type { Quarter } from '../model/quarter.js';
import { z } from '../model/schema.js';
import type { BulletinStats } from '../model/stats.js';

const count = z.number().int().nonnegative();
const share = z.number().nullable();
const countQty = { recalls: count, quantity: count };
const countRow = { code: z.string(), name: z.string(), ...countQty };
const categoryTable = z.object({ rows: z.array(z.object(countRow)), total: z.object(countQty) });
const provinceTable = z.object({
  rows: z.array(z.object({ ...countRow, seq: count })),
  total: z.object(countQty),
});

const NATIONAL = z.object({
  cumulative: categoryTable,
  ytd: categoryTable,
  quarter: categoryTable,
  provincesYtd: provinceTable,
  provincesQuarter: provinceTable,
  home: z
    .object({
      ytd: z.object(countQty),
      quarter: z.object(countQty),
      ytdRank: z.object({ rank: count, tied: z.boolean() }),
    })
    .nullable(),
});

const disclosedTotal = z.object({ recalls: count, disclosedQuantity: count });
const FOREIGN = z.object({
  jurisdictions: z.array(
    z.object({
      name: z.string(),
      recalls: count,
      quantity: count.nullable(),
      chinaRecalls: count.nullable(),
      chinaQuantity: count.nullable(),
      recallShare: share,
      chinaRecallShare: share,
      chinaQuantityShare: share,
    }),
  ),
  total: disclosedTotal,
  categories: z.array(z.object({ ...countRow, quantity: count.nullable(), recallShare: share, quantityShare: share })),
  categoryTotal: disclosedTotal,
});

const clueFigures = { reports: count, effective: count, inspections: count };
const CLUES = z.object({ rows: z.array(z.object({ unit: z.string(), ...clueFigures })), total: z.object(clueFigures) });

/** The parts of stats.json the consistency check, compare and the trend sentence read; other keys may be anything. */
const ARCHIVE = z.object({
  quarter: z.string(),
  period: z.object({ start: z.string(), end: z.string() }),
  province: z.object({ code: z.string(), name: z.string() }),
  totals: z.object({ ...countQty, manufacturers: count }),
  byCategory: z.array(z.object({ ...countRow, recallShare: share, quantityShare: share })),
  byRegion: z.array(z.object({ ...countRow, short: z.string(), manufacturers: count, quantityShare: share })),
  byDefect: z.array(z.object({ ...countRow, recallShare: share })),
  national: NATIONAL.nullable(),
  foreign: FOREIGN.nullable(),
  clues: CLUES.nullable(),
});

/** byCategory[2].recalls */
const keyPath = (path: ReadonlyArray<PropertyKey>) =>
  path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i > 0 ? '.' : ''}${String(k)}`)).join('');

/** What is wrong with `stats` as an archive of quarter `q`, in Chinese; null when nothing is. */
function problem(stats: unknown, q: Quarter, decimals: number): string | null {
  const shape = ARCHIVE.safeParse(stats);
  if (!shape.success) {
    const issue = shape.error.issues[0]!;
    return `字段 ${keyPath(issue.path)} 不对（${issue.message}）`;
  }
  const figures = stats as BulletinStats;
  const found = archiveMismatch(figures, q, decimals);
  if (!found) return null;
  // The archive does not record its build's `decimals`: shares rounded to any setting (0–4) are that build's.
  const otherSetting = [0, 1, 2, 3, 4].some((d) => d !== decimals && archiveMismatch(figures, q, d) === null);
  return otherSetting ? null : found;
}

/** Throws input.archive.inconsistent, naming the file and the first figure its build could not have written. */
export function checkArchive(stats: unknown, q: Quarter, shownPath: string, decimals: number): void {
  const found = problem(stats, q, decimals);
  if (!found) return;
  throw new BulletinError(
    'input.archive.inconsistent',
    'input',
    `存档 ${shownPath} 的${found}：存档被改动过。`,
    '请用 bulletin build 重新生成该季度的存档，或删除它。',
  );
}
