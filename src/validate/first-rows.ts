/**
 * Duplicate detection for files of any length: 64-bit hashes of a row's key
 * and the first row that had it, in typed arrays (open addressing). A million
 * rows take 24 MB here, against about 100 MB in a Map of numbers, which is
 * what keeps validating a large file under 300 MB. A false match between two
 * different keys has a chance of about n²/2^65 (3 in 10^8 at a million rows).
 */
export class FirstRows {
  private hi: Uint32Array;
  private lo: Uint32Array;
  /** 0 marks an empty slot: rows are numbered from 1. */
  private rows: Uint32Array;
  private count = 0;

  constructor(capacity = 1 << 12) {
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.rows = new Uint32Array(capacity);
  }

  /** The first row seen with this key; otherwise records `row` for it and returns null. */
  firstOrAdd(hi: number, lo: number, row: number): number | null {
    if ((this.count + 1) * 10 > this.rows.length * 7) this.grow();
    const mask = this.rows.length - 1;
    for (let i = (hi ^ Math.imul(lo, 0x9e3779b1)) & mask; ; i = (i + 1) & mask) {
      const r = this.rows[i] as number;
      if (r === 0) {
        this.hi[i] = hi;
        this.lo[i] = lo;
        this.rows[i] = row;
        this.count++;
        return null;
      }
      if (this.hi[i] === hi >>> 0 && this.lo[i] === lo >>> 0) return r;
    }
  }

  get size(): number {
    return this.count;
  }

  private grow(): void {
    const { hi, lo, rows } = this;
    this.hi = new Uint32Array(rows.length * 2);
    this.lo = new Uint32Array(rows.length * 2);
    this.rows = new Uint32Array(rows.length * 2);
    this.count = 0;
    for (let i = 0; i < rows.length; i++)
      if (rows[i]) this.firstOrAdd(hi[i] as number, lo[i] as number, rows[i] as number);
  }
}
