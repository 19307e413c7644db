/**
 * The duplicate key of a record, hashed: a million-row file is checked for
 * duplicates without keeping a string per row (record-keys.ts keeps the hashes).
 */
import type { RecallRecord } from '../model/record.js';
import { fold } from '../model/text.js';
import type { RecordKeys, SeenBefore } from './record-keys.js';

/** fold() of a cell of printable ASCII and CJK ideographs changes only A–Z: such a cell is hashed as it is. */
const foldIsCase = (c: number): boolean => (c >= 0x21 && c <= 0x7e) || (c >= 0x4e00 && c <= 0x9fff);

/**
 * Two independent 32-bit FNV-1a hashes of the folded key fields, separated
 * by U+0000: 64 bits, no strings kept. A–Z are lowered as they are hashed,
 * so the usual cell needs no folded copy; a cell with any other character
 * is hashed again from its fold() (found while hashing: one pass for the usual cell).
 */
export function keyHashes(fields: readonly string[]): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let f = 0; f < fields.length; f++) {
    const raw = fields[f] as string;
    if (f > 0) {
      a = Math.imul(a, 0x01000193) >>> 0;
      b = Math.imul(b, 0x5bd1e995) >>> 0;
    }
    let key = raw;
    let folded = false;
    let ha = a;
    let hb = b;
    for (let i = 0; i < key.length; i++) {
      let c = key.charCodeAt(i);
      if (!folded && !foldIsCase(c)) {
        // Start the field over from its folded text (fold's result is hashed with A–Z lowered, as before).
        key = fold(raw);
        folded = true;
        ha = a;
        hb = b;
        i = -1;
        continue;
      }
      if (c >= 65 && c <= 90) c += 32;
      ha = Math.imul(ha ^ c, 0x01000193) >>> 0;
      hb = Math.imul(hb ^ c, 0x5bd1e995) >>> 0;
    }
    a = ha;
    b = hb;
  }
  return [a, b];
}

/** A record against those counted before it (record-keys.ts): the same recall, or possibly the same. */
export function seenBefore(keys: RecordKeys, record: RecallRecord): SeenBefore {
  const [hi, lo] = keyHashes([record.manufacturer, record.announceDate]);
  const [product] = keyHashes([record.product, record.model]);
  return keys.see(hi, lo, product, record.quantity, record.source.row);
}
