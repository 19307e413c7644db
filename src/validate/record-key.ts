/**
 * The duplicate key of a record, hashed: a million-row file is checked for
 * duplicates without keeping a string per row (first-rows.ts keeps the hashes).
 */
import { fold } from '../model/text.js';

/** Cells that fold() changes only by case (printable ASCII and CJK ideographs): hashed as they are. */
const FOLD_IS_CASE = /^[\x21-\x7e\u4e00-\u9fff]*$/;

/**
 * Two independent 32-bit FNV-1a hashes of the folded key fields, separated
 * by U+0000: 64 bits, no strings kept. A–Z are lowered as they are hashed,
 * so the usual cell needs no folded copy.
 */
export function keyHashes(fields: readonly string[]): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let f = 0; f < fields.length; f++) {
    const raw = fields[f] as string;
    const key = FOLD_IS_CASE.test(raw) ? raw : fold(raw);
    if (f > 0) {
      a = Math.imul(a, 0x01000193) >>> 0;
      b = Math.imul(b, 0x5bd1e995) >>> 0;
    }
    for (let i = 0; i < key.length; i++) {
      let c = key.charCodeAt(i);
      if (c >= 65 && c <= 90) c += 32;
      a = Math.imul(a ^ c, 0x01000193) >>> 0;
      b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
    }
  }
  return [a, b];
}
