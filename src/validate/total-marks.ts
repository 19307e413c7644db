/**
 * Whether a stretch of a batch's text may hold a total-row word, found with
 * one indexOf over the batch instead of a look at every character of every
 * cell: a row without the mark is not a total row; any other is asked in
 * full (totalRowKind). Every word (合计, 小计, 总计, 共计, 总合计) has 计, and
 * fold() makes 计 from no other character (NFKC maps none to it, a test
 * checks): a cell that folds to a word has 计 as written.
 */
export const TOTAL_MARK = '计';

export class TotalMarks {
  /** Where the mark is next found at or after the last stretch asked (the text's length for none). */
  private next = -1;

  /** Rows are asked in order, over one text: the text is searched once per occurrence of the mark. */
  within(text: string, start: number, end: number): boolean {
    if (this.next < start) {
      const at = text.indexOf(TOTAL_MARK, start);
      this.next = at < 0 ? text.length : at;
    }
    return this.next < end;
  }
}
