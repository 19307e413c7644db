import type { CellValue } from '../ingest/table.js';
import { fold } from '../model/text.js';

export type QuantityResult =
  | { ok: true; value: number; unit: string | null; approximate: boolean }
  | { ok: false; reason: 'empty' | 'not-a-number' | 'negative' | 'fraction' };

const APPROX = /^(约|大约|近|逾|超过|共)|(余|多|左右)$/u;

/**
 * Quantities as staff write them: 257500, "257,500", "25.75万", "约3400件",
 * "500只". Units after the number are returned so 表2 can show 257500只.
 */
export function parseQuantity(v: CellValue): QuantityResult {
  if (v === null) return { ok: false, reason: 'empty' };
  if (typeof v === 'number') return checkInteger(v, null, false);
  if (typeof v !== 'string') return { ok: false, reason: 'not-a-number' };
  // Plain digits, the usual case: what the general path below would give.
  if (/^\d{1,15}$/.test(v)) return { ok: true, value: Number(v), unit: null, approximate: false };
  let t = fold(v).replace(/[,，']/g, '');
  if (t === '') return { ok: false, reason: 'empty' };
  let approximate = false;
  while (APPROX.test(t)) {
    approximate = true;
    t = t.replace(APPROX, '');
  }
  const m = /^([+-]?\d+(?:\.\d+)?)(万|亿)?(余|多)?([\p{Script=Han}]{1,2})?$/u.exec(t);
  if (!m) return { ok: false, reason: 'not-a-number' };
  if (m[3]) approximate = true;
  const unit = m[4] ?? null;
  const multiplier = m[2] === '亿' ? 100_000_000 : m[2] === '万' ? 10_000 : 1;
  return checkInteger(scaleDecimal(m[1] as string, multiplier), unit, approximate);
}

/** "25.75" × 10000 without float error: shift the decimal point in the string. */
function scaleDecimal(text: string, multiplier: number): number {
  const zeros = Math.round(Math.log10(multiplier));
  const [intPart, frac = ''] = text.split('.');
  const shifted = `${intPart}${frac.padEnd(zeros, '0').slice(0, zeros)}`;
  const rest = frac.slice(zeros);
  return Number(rest ? `${shifted}.${rest}` : shifted);
}

function checkInteger(n: number, unit: string | null, approximate: boolean): QuantityResult {
  if (!Number.isFinite(n)) return { ok: false, reason: 'not-a-number' };
  if (n < 0) return { ok: false, reason: 'negative' };
  if (!Number.isInteger(n)) return { ok: false, reason: 'fraction' };
  return { ok: true, value: n, unit, approximate };
}
