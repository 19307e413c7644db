/**
 * Data rows hidden in Excel (by hand, or by a filter): read and counted like
 * any other row, as Excel's SUM counts them, which is not always what the
 * person who hid them meant. A warning, since the figures are what the file
 * says. Only data rows are told: a hidden title above the header, a hidden
 * blank row or note changes no figure, and a hidden 合计 row is never
 * counted (the bulletin adds the rows up itself), so none of them is worth
 * a word. Rows hidden one after another make one finding at the first of
 * them; past ten such runs (a filter can hide every other row of a long
 * table) one more finding counts the rest, as unknown columns are counted.
 */
import type { ValidationIssue } from '../model/issues.js';
import type { RawRow } from '../ingest/table.js';
import type { MakeIssue } from './issue-factory.js';

/** Runs of hidden rows told one by one; the rest are counted in one finding. */
const MAX_RUNS_LISTED = 10;

interface Run {
  first: number;
  last: number;
  rows: number;
}

const HINT = '若这些行不应计入公报，请把它们从表中删除；若应计入，请取消隐藏（用了筛选的，请清除筛选），以便核对。';

export class HiddenRows {
  private readonly runs: Run[] = [];
  /** The last data row was hidden: the next hidden one extends its run. */
  private open = false;
  /** The runs past the listed ones: how many, their rows, and where the first begins. */
  private more = { runs: 0, rows: 0, first: 0 };

  /** Each data row in order (a row counted into the bulletin, or rejected with an error). */
  data(r: RawRow): void {
    if (!r.hidden) {
      this.open = false;
      return;
    }
    const extend = this.open;
    this.open = true;
    if (this.more.runs > 0 || (!extend && this.runs.length === MAX_RUNS_LISTED)) {
      if (!extend && this.more.runs++ === 0) this.more.first = r.row;
      this.more.rows++;
      return;
    }
    const run = this.runs[this.runs.length - 1];
    if (extend && run) {
      run.last = r.row;
      run.rows++;
    } else this.runs.push({ first: r.row, last: r.row, rows: 1 });
  }

  findings(issue: MakeIssue): ValidationIssue[] {
    const out = this.runs.map((run) => issue('warning', 'row.hidden', { row: run.first }, runText(run), HINT));
    if (this.more.runs > 0) {
      const total = this.runs.reduce((n, r) => n + r.rows, this.more.rows);
      out.push(
        issue(
          'warning',
          'row.hidden-many',
          { row: this.more.first },
          `从这一行起还有 ${this.more.runs} 处隐藏的数据行（共 ${this.more.rows} 行）没有逐一列出；这张表隐藏的数据行一共 ${total} 行，都计入了公报。`,
          `可能是用了筛选。${HINT}`,
        ),
      );
    }
    return out;
  }
}

function runText(run: Run): string {
  const counted = '但仍会被读取并计入公报（和 Excel 的求和一样）。';
  if (run.rows === 1) return `这一行在 Excel 中是隐藏的，${counted}`;
  const span = `第 ${run.first}–${run.last} 行`;
  const which =
    run.last - run.first + 1 === run.rows ? `${span}（共 ${run.rows} 行）` : `${span}中有 ${run.rows} 行数据`;
  return `${which}在 Excel 中是隐藏的，${counted}`;
}
