/**
 * Texts already looked up (a category, region, defect type or yes/no cell),
 * found again by their place in a batch's text, without slicing a string out
 * of it (plain-rows.ts). A file repeats a few dozen such texts: a short list
 * compared by length and first character beats hashing a fresh string.
 */

/** Past this many texts (a file of unusual values) the rest are looked up the ordinary way each time. */
const LIMIT = 64;

export class TextTable<T> {
  private readonly keys: string[] = [];
  private readonly values: T[] = [];

  /** The value of the text text[start, end), when it was added. */
  find(text: string, start: number, end: number): T | undefined {
    const length = end - start;
    const first = text.charCodeAt(start);
    for (let j = 0; j < this.keys.length; j++) {
      const k = this.keys[j] as string;
      if (k.length === length && k.charCodeAt(0) === first && text.startsWith(k, start)) return this.values[j];
    }
    return undefined;
  }

  add(key: string, value: T): void {
    if (key.length > 0 && this.keys.length < LIMIT) {
      this.keys.push(key);
      this.values.push(value);
    }
  }
}
