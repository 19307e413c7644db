/**
 * Duplicate recalls in files of any length, with no string kept per row. A record's key is its
 * manufacturer and 发布日期 (a 64-bit hash), with the hash of its product and model and its
 * quantity beside it in one typed array (open addressing). The same key and product: the same
 * recall (an exact duplicate, refused). The same key and quantity with another product or model
 * (型号 left empty, V8,P8 for V8、P8): most likely one recall entered twice (a warning). Both are
 * told in one probe: a second table for the second question doubled a million-row check's time
 * (cache misses). A million rows take about 40 MB; a false match has a chance of about n²/2^65.
 */

/** Per slot: the row (0 marks an empty slot: rows are numbered from 1), the key's two hashes, the product's, the quantity's. */
const SLOT = 5;

export interface SeenBefore {
  /** The first row of the same recall, or null. */
  exact: number | null;
  /** The first row with the same manufacturer, date and quantity but another product or model, or null. */
  near: number | null;
}

const quantityWord = (q: number): number => (q >>> 0) ^ Math.floor(q / 0x100000000);

export class RecordKeys {
  private slots: Uint32Array;
  private capacity: number;
  private count = 0;

  constructor(capacity = 1 << 12) {
    this.capacity = capacity;
    this.slots = new Uint32Array(capacity * SLOT);
  }

  /** What came before with this key; the row is recorded unless it repeats a recall. */
  see(hi: number, lo: number, product: number, quantity: number, row: number): SeenBefore {
    if ((this.count + 1) * 10 > this.capacity * 7) this.grow();
    const q = quantityWord(quantity);
    const mask = this.capacity - 1;
    const s = this.slots;
    let near: number | null = null;
    for (let i = (hi ^ Math.imul(lo, 0x9e3779b1)) & mask; ; i = (i + 1) & mask) {
      const at = i * SLOT;
      const r = s[at] as number;
      if (r === 0) {
        this.put(at, row, hi, lo, product, q);
        return { exact: null, near };
      }
      if (s[at + 1] !== hi >>> 0 || s[at + 2] !== lo >>> 0) continue;
      if (s[at + 3] === product >>> 0) return { exact: r, near: null };
      if (near === null && s[at + 4] === q) near = r;
    }
  }

  get size(): number {
    return this.count;
  }

  private put(at: number, row: number, hi: number, lo: number, product: number, q: number): void {
    const s = this.slots;
    s[at] = row;
    s[at + 1] = hi;
    s[at + 2] = lo;
    s[at + 3] = product;
    s[at + 4] = q;
    this.count++;
  }

  private grow(): void {
    const old = this.slots;
    this.capacity *= 2;
    this.slots = new Uint32Array(this.capacity * SLOT);
    this.count = 0;
    const mask = this.capacity - 1;
    for (let at = 0; at < old.length; at += SLOT) {
      if (!old[at]) continue;
      const [hi, lo] = [old[at + 1] as number, old[at + 2] as number];
      let i = (hi ^ Math.imul(lo, 0x9e3779b1)) & mask;
      while (this.slots[i * SLOT]) i = (i + 1) & mask;
      this.put(i * SLOT, old[at] as number, hi, lo, old[at + 3] as number, old[at + 4] as number);
    }
  }
}
