import type { CellValue } from '../ingest/table.js';
import { fold } from '../model/text.js';
import { SPECIAL_DIGIT } from './parse-quantity.js';

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', '✔', '典型', '典型案例', '是典型案例']);
const NO = new Set(['', '否', 'n', 'no', 'false', '0', '×', '✗', '非典型', '不是']);

/** A yes/no cell; an empty cell is "no". */
export function parseFlag(v: CellValue): { ok: true; value: boolean } | { ok: false } {
  if (v === null) return { ok: true, value: false };
  if (typeof v === 'boolean') return { ok: true, value: v };
  // ① is a list mark, not the 1 fold() would make it (parse-quantity.ts SPECIAL_DIGIT).
  if (SPECIAL_DIGIT.test(String(v))) return { ok: false };
  const t = fold(String(v));
  if (YES.has(t)) return { ok: true, value: true };
  if (NO.has(t)) return { ok: true, value: false };
  return { ok: false };
}
