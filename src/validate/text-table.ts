/**
 * Texts already looked up (a category, region, defect type or yes/no cell),
 * found again by their place in a batch's text, without slicing a string out
 * of it (plain-rows.ts): a hash of the code units picks a slot of a small
 * open-addressing table, and the text is compared unit by unit. A file
 * repeats a few dozen such texts.
 */

/** Past this many texts (a file of unusual values) the rest are looked up the ordinary way each time. */
const LIMIT = 64;
const SLOTS = 128;

function hashOf(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}

export class TextTable<T> {
  private readonly keys: string[] = [];
  private readonly values: T[] = [];
  private readonly hashes: number[] = [];
  /** Entry index + 1 per slot; 0 is empty. */
  private readonly slots = new Int32Array(SLOTS);

  /** The value of the text text[start, end), when it was added. */
  find(text: string, start: number, end: number): T | undefined {
    const h = hashOf(text, start, end);
    for (let p = h & (SLOTS - 1); this.slots[p] !== 0; p = (p + 1) & (SLOTS - 1)) {
      const j = (this.slots[p] as number) - 1;
      if (this.hashes[j] === h && same(this.keys[j] as string, text, start, end)) return this.values[j];
    }
    return undefined;
  }

  add(key: string, value: T): void {
    if (key.length === 0 || this.keys.length >= LIMIT || this.find(key, 0, key.length) !== undefined) return;
    const h = hashOf(key, 0, key.length);
    let p = h & (SLOTS - 1);
    while (this.slots[p] !== 0) p = (p + 1) & (SLOTS - 1);
    this.keys.push(key);
    this.values.push(value);
    this.hashes.push(h);
    this.slots[p] = this.keys.length;
  }
}

function same(key: string, text: string, start: number, end: number): boolean {
  if (key.length !== end - start) return false;
  for (let k = 0; k < key.length; k++) if (key.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}
