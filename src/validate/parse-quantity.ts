import type { CellValue } from '../ingest/table.js';
import { fold } from '../model/text.js';
import { isScaledUnit } from '../model/unit-scale.js';

export type QuantityFailure =
  'empty' | 'not-a-number' | 'negative' | 'fraction' | 'grouping' | 'exponent' | 'too-large' | 'scaled-unit';

export type QuantityResult =
  { ok: true; value: number; unit: string | null; approximate: boolean } | { ok: false; reason: QuantityFailure };

/**
 * Spaces between digits ("1 234", NBSP, full-width, thin): a thousands separator like the comma,
 * held to the same rule, so "12 34" is refused rather than read as 1234 (fold() drops spaces).
 */
const SPACED_DIGITS = /([0-9０-９])[\s\u200b\ufeff]+(?=[0-9０-９])/gu;

const APPROX = /^(约|大约|近|逾|超过|共)|(余|多|左右)$/u;

/** Digits grouped in threes only ("257,500", "1,234,567"), or not grouped at all. */
const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(万|亿)?(余|多)?([\p{Script=Han}]{1,2})?$/u;

/**
 * Quantities as staff write them: 257500, "257,500", "25.75万", "约3400件",
 * "500只". Units after the number are returned so 表2 can show 257500只.
 * Every accepted value is a safe integer: a figure the bulletin prints
 * exactly as typed. "23,80" (is it 2380 or 23.80?) and "1,50,000" are
 * refused, as are exponent notation and digits past 2^53 that a double
 * would silently round (9007199254740993 would become …992).
 */
export function parseQuantity(v: CellValue): QuantityResult {
  if (v === null) return { ok: false, reason: 'empty' };
  if (typeof v === 'number') return checkInteger(v, null, false);
  if (typeof v !== 'string') return { ok: false, reason: 'not-a-number' };
  // Plain digits, the usual case: what the general path below would give.
  if (/^\d{1,15}$/.test(v)) return { ok: true, value: Number(v), unit: null, approximate: false };
  let t = fold(v.replace(SPACED_DIGITS, '$1,')).replace(/[，']/g, ',');
  if (t === '') return { ok: false, reason: 'empty' };
  let approximate = false;
  while (APPROX.test(t)) {
    approximate = true;
    t = t.replace(APPROX, '');
  }
  const m = NUMBER.exec(t);
  if (!m) return { ok: false, reason: failure(t) };
  if (m[5]) approximate = true;
  const unit = m[6] ?? null;
  // "26千件", "3百万": the unit scales the number (万 and 亿 above are read as the scale they are).
  if (unit !== null && isScaledUnit(unit)) return { ok: false, reason: 'scaled-unit' };
  const zeros = m[4] === '亿' ? 8 : m[4] === '万' ? 4 : 0;
  const scaled = scaleDecimal((m[2] as string).replace(/,/g, ''), m[3] ?? '', zeros);
  if (m[1] === '-' && /[1-9]/.test(scaled.int + scaled.frac)) return { ok: false, reason: 'negative' };
  if (/[1-9]/.test(scaled.frac)) return { ok: false, reason: 'fraction' };
  const digits = scaled.int.replace(/^0+(?=\d)/, '');
  const value = Number(digits);
  // Compared as text: a double cannot say whether it rounded.
  if (!Number.isSafeInteger(value) || String(value) !== digits) return { ok: false, reason: 'too-large' };
  return { ok: true, value, unit, approximate };
}

/** Why a text is not a quantity, for the message. */
function failure(t: string): QuantityFailure {
  if (/^[+-]?\d+(\.\d+)?e[+-]?\d+$/i.test(t)) return 'exponent';
  if (/^[+-]?[\d,]+(\.\d+)?(万|亿)?(余|多)?[\p{Script=Han}]{0,2}$/u.test(t) && t.includes(',')) return 'grouping';
  if (/^-\d/.test(t)) return 'negative';
  return 'not-a-number';
}

/** "25.75" × 10^zeros without float error: the decimal point moved in the text. */
function scaleDecimal(intPart: string, frac: string, zeros: number): { int: string; frac: string } {
  return { int: `${intPart}${frac.padEnd(zeros, '0').slice(0, zeros)}`, frac: frac.slice(zeros) };
}

function checkInteger(n: number, unit: string | null, approximate: boolean): QuantityResult {
  if (Number.isNaN(n)) return { ok: false, reason: 'not-a-number' };
  if (n < 0) return { ok: false, reason: 'negative' };
  if (!Number.isFinite(n)) return { ok: false, reason: 'too-large' };
  if (!Number.isInteger(n)) return { ok: false, reason: 'fraction' };
  if (!Number.isSafeInteger(n)) return { ok: false, reason: 'too-large' };
  return { ok: true, value: n, unit, approximate };
}

/** The reason in words, after the quoted value: 召回数量“23,80”… */
export function quantityProblem(reason: Exclude<QuantityFailure, 'empty'>): string {
  switch (reason) {
    case 'negative':
      return '不能是负数';
    case 'fraction':
      return '必须是整数';
    case 'grouping':
      return '的千位分隔不对（逗号或空格应每三位一个，如 257,500），无法确定是哪个数';
    case 'exponent':
      return '是科学计数法，不是准确的整数';
    case 'too-large':
      return `太大，超出了能准确计算的范围（最大 ${Number.MAX_SAFE_INTEGER}），不可能是真实的数量`;
    case 'scaled-unit':
      return '的单位带有倍数（十、百、千、十万、百万等），无法按件计数';
    case 'not-a-number':
      return '不是数字';
  }
}
