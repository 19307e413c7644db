/**
 * Whether a stretch of a batch's text may hold a total-row word (合计, 小计,
 * 总计, 共计, 总合计: each has one of 合计小总共, as total-rows.ts says), found
 * with indexOf over the batch instead of a look at every character of every
 * cell: a row with none of them is not a total row, any other is asked in
 * full (totalRowKind).
 */
const MARKS = ['合', '计', '小', '总', '共'];

export class TotalMarks {
  /** Where each mark is next found at or after the last stretch asked (the text's length for none). */
  private readonly next = new Float64Array(MARKS.length).fill(-1);

  /** Rows are asked in order, over one text: each mark is searched for once per occurrence. */
  within(text: string, start: number, end: number): boolean {
    for (let k = 0; k < MARKS.length; k++) {
      let at = this.next[k] as number;
      if (at < start) {
        at = text.indexOf(MARKS[k] as string, start);
        this.next[k] = at = at < 0 ? text.length : at;
      }
      if (at < end) return true;
    }
    return false;
  }
}
