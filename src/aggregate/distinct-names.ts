/**
 * Distinct names (manufacturers) overall and per region, exactly, without a
 * JavaScript string per name: each distinct name's characters are copied
 * once into a growing Uint16Array and found again through an open-addressing
 * table of 32-bit hashes, compared character by character (no false match,
 * so 生产企业数 is exact). A region is a bit in the name's mask: a name counts
 * for a region the first time its bit is set. About 2 bytes per character
 * plus 20 per name, off the JavaScript heap: a million distinct names of 16
 * characters take about 50 MB where Sets of strings took over 150 MB and kept
 * the reader's chunks alive (a cell is a slice of its chunk's text).
 * Pure: no I/O.
 */
const MASK_BITS = 31;

export class DistinctNames {
  private chars = new Uint16Array(1 << 16);
  private used = 0;
  /** Per name: where its characters start, how many, its hash, its regions (bit i = region slot i). */
  private start = new Uint32Array(1 << 10);
  private length = new Uint32Array(1 << 10);
  private hash = new Uint32Array(1 << 10);
  private mask = new Uint32Array(1 << 10);
  private names = 0;
  /** Name index + 1 per slot; 0 is empty. */
  private table = new Uint32Array(1 << 11);
  private readonly perRegion: number[] = [];
  /** Regions past the mask's 31 bits (no province has that many): "slot name" pairs. */
  private readonly overflow = new Map<number, Set<string>>();
  /** A name given as a string, as code units. */
  private scratch = new Uint16Array(256);

  get size(): number {
    return this.names;
  }

  /** Distinct names seen in region slot `slot`. */
  inRegion(slot: number): number {
    return slot < MASK_BITS ? (this.perRegion[slot] ?? 0) : (this.overflow.get(slot)?.size ?? 0);
  }

  add(name: string, slot: number): void {
    if (name.length > this.scratch.length) this.scratch = new Uint16Array(name.length);
    for (let k = 0; k < name.length; k++) this.scratch[k] = name.charCodeAt(k);
    this.addUnits(this.scratch, 0, name.length, slot);
  }

  /** The name made of the code units units[start, end) (as add() takes it, without a string). */
  addUnits(units: Uint16Array, start: number, end: number, slot: number): void {
    const i = this.indexOf(units, start, end);
    if (slot >= MASK_BITS) {
      let set = this.overflow.get(slot);
      if (!set) this.overflow.set(slot, (set = new Set()));
      set.add(String(i));
      return;
    }
    const bit = 1 << slot;
    if ((this.mask[i]! & bit) !== 0) return;
    this.mask[i] = this.mask[i]! | bit;
    this.perRegion[slot] = (this.perRegion[slot] ?? 0) + 1;
  }

  /** The name's index, added when new. */
  private indexOf(units: Uint16Array, start: number, end: number): number {
    let h = 0x811c9dc5;
    for (let k = start; k < end; k++) h = Math.imul(h ^ units[k]!, 0x01000193);
    // FNV's low bits change little with the last characters (often digits): mixed before they pick a slot.
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h = (h ^ (h >>> 16)) >>> 0;
    const slots = this.table.length - 1;
    let p = h & slots;
    for (let at = this.table[p]!; at !== 0; p = (p + 1) & slots, at = this.table[p]!) {
      if (this.hash[at - 1] === h && this.same(at - 1, units, start, end)) return at - 1;
    }
    const i = this.append(units, start, end, h);
    this.table[p] = i + 1;
    if (this.names * 10 > this.table.length * 7) this.rehash();
    return i;
  }

  private same(i: number, units: Uint16Array, start: number, end: number): boolean {
    if (this.length[i] !== end - start) return false;
    const s = this.start[i]! - start;
    for (let k = start; k < end; k++) if (this.chars[s + k] !== units[k]) return false;
    return true;
  }

  private append(units: Uint16Array, start: number, end: number, h: number): number {
    const length = end - start;
    const i = this.names++;
    if (i === this.start.length) {
      this.start = grown(this.start, i * 2);
      this.length = grown(this.length, i * 2);
      this.hash = grown(this.hash, i * 2);
      this.mask = grown(this.mask, i * 2);
    }
    while (this.used + length > this.chars.length) this.chars = grown(this.chars, this.chars.length * 2);
    this.chars.set(units.subarray(start, end), this.used);
    this.start[i] = this.used;
    this.length[i] = length;
    this.hash[i] = h;
    this.used += length;
    return i;
  }

  private rehash(): void {
    this.table = new Uint32Array(this.table.length * 2);
    const slots = this.table.length - 1;
    for (let i = 0; i < this.names; i++) {
      let p = this.hash[i]! & slots;
      while (this.table[p] !== 0) p = (p + 1) & slots;
      this.table[p] = i + 1;
    }
  }
}

function grown<T extends Uint16Array | Uint32Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}
