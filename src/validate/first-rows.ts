/**
 * Duplicate detection for files of any length: 64-bit hashes of a row's key
 * and the first row that had it, in one typed array (open addressing). A million
 * rows take 24 MB here, against about 100 MB in a Map of numbers, which is
 * what keeps validating a large file under 300 MB. A false match between two
 * different keys has a chance of about n²/2^65 (3 in 10^8 at a million rows).
 * A slot's three numbers sit side by side (row, hi, lo): a probe of a table
 * far larger than the CPU's caches costs one cache miss instead of three
 * (separate arrays took about 0.6 s of a million-row check, round five).
 */
export class FirstRows {
  /** Per slot: the row (0 marks an empty slot: rows are numbered from 1), then the two hashes. */
  private slots: Uint32Array;
  private capacity: number;
  private count = 0;

  constructor(capacity = 1 << 12) {
    this.capacity = capacity;
    this.slots = new Uint32Array(capacity * 3);
  }

  /** The first row seen with this key; otherwise records `row` for it and returns null. */
  firstOrAdd(hi: number, lo: number, row: number): number | null {
    if ((this.count + 1) * 10 > this.capacity * 7) this.grow();
    const mask = this.capacity - 1;
    const s = this.slots;
    for (let i = (hi ^ Math.imul(lo, 0x9e3779b1)) & mask; ; i = (i + 1) & mask) {
      const at = i * 3;
      const r = s[at] as number;
      if (r === 0) {
        s[at] = row;
        s[at + 1] = hi;
        s[at + 2] = lo;
        this.count++;
        return null;
      }
      if (s[at + 1] === hi >>> 0 && s[at + 2] === lo >>> 0) return r;
    }
  }

  get size(): number {
    return this.count;
  }

  private grow(): void {
    const old = this.slots;
    this.capacity *= 2;
    this.slots = new Uint32Array(this.capacity * 3);
    this.count = 0;
    for (let at = 0; at < old.length; at += 3)
      if (old[at]) this.firstOrAdd(old[at + 1] as number, old[at + 2] as number, old[at] as number);
  }
}
