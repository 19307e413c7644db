/**
 * A RecordsChecker that, when asked, adds each accepted record to the
 * quarter's running tallies instead of keeping it: what a build of a large
 * quarter holds is then the tallies (stats-accumulator.ts), not the records.
 * The same on this thread and on the checking thread, which sends the
 * finished tallies back once (plain data, whatever the number of records).
 */
import type { RawRow } from '../ingest/table.js';
import { createStatsAccumulator, type NameCounter, type StatsTallies } from '../aggregate/stats-accumulator.js';
import {
  RecordsChecker,
  type CheckerOptions,
  type RecordsContext,
  type RecordsResult,
} from '../validate/records-checker.js';

export interface HoldOptions extends CheckerOptions {
  /** Gather the quarter's figures while checking (build, stats); validate needs only the totals. */
  tally?: boolean;
}

export interface CheckedRecords extends RecordsResult {
  tallies: StatsTallies | null;
}

type Source = ConstructorParameters<typeof RecordsChecker>[0];

export function talliedChecker(
  source: Source,
  ctx: RecordsContext,
  opts: HoldOptions,
  /** Where the accepted records' manufacturers are counted (a checking thread hands them on); here by default. */
  names?: NameCounter,
): { checker: RecordsChecker; finish(): CheckedRecords } {
  const acc = opts.tally ? createStatsAccumulator(names) : null;
  const checker = new RecordsChecker(source, ctx, opts, acc ? (r) => acc.add(r) : undefined);
  return { checker, finish: () => ({ ...checker.finish(), tallies: acc?.finish() ?? null }) };
}

/** What is held of the accepted records: all of them, the figures they add up to (build, stats), or only totals (validate). */
export type Hold = 'records' | 'tallies' | 'none';

export function holdOptions(hold: Hold, maxIssues: number): HoldOptions {
  return { keepRecords: hold === 'records', tally: hold === 'tallies', maxIssues };
}

/** A whole table (a file small enough to load) checked the same way. */
export function checkRecordsTable(
  table: Source & { rows: Iterable<RawRow> },
  ctx: RecordsContext,
  hold: Hold,
): CheckedRecords {
  const { checker, finish } = talliedChecker(table, ctx, holdOptions(hold, Infinity));
  for (const r of table.rows) checker.push(r);
  return finish();
}
