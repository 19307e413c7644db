import type { CellValue } from '../ingest/table.js';
import type { ApproxWords } from '../model/record.js';
import { fold } from '../model/text.js';
import { isScaledUnit } from '../model/unit-scale.js';

export type QuantityFailure =
  | 'empty'
  | 'not-a-number'
  | 'negative'
  | 'fraction'
  | 'grouping'
  | 'exponent'
  | 'too-large'
  | 'scaled-unit'
  | 'special-digit'
  | 'bound'
  | 'text-mark';

export type QuantityResult =
  | { ok: true; value: number; unit: string | null; approximate: boolean; words?: ApproxWords }
  | { ok: false; reason: QuantityFailure; mark?: string };

/**
 * Spaces between digits ("1 234", NBSP, full-width, thin): a thousands separator like the comma,
 * held to the same rule, so "12 34" is refused rather than read as 1234 (fold() drops spaces).
 */
const SPACED_DIGITS = /([0-9０-９])[\s\u200b\ufeff]+(?=[0-9０-９])/gu;

/**
 * A digit other than 0–9 and full-width ０–９: superscript ¹ (a footnote mark), subscript, circled ①,
 * parenthesised ⑴, ⒈, Roman Ⅻ, mathematical 𝟙, Arabic-Indic ٣. fold()'s NFKC would make ¹ a 1, so
 * 257500¹ would count 2575001: looked for before folding. 〇 is a Chinese numeral, refused as no number.
 */
export const SPECIAL_DIGIT = /(?![0-9０-９〇])\p{N}/u;

/** About a figure: counted as it, with a warning. 共 (in all) was read as one from the start. */
const APPROX_BEFORE = /^(约计|大约|大概|约|将近|接近|近|共)/u;
const APPROX_AFTER = /(余|多|左右|上下)$/u;
/** A bound, not a figure: 100以上 may be 5000, 3400以内 may be 3. */
const BOUND_BEFORE =
  /^(超过|超出|超|逾|多于|大于|高于|不少于|不低于|不小于|至少|最少|起码|不超过|不多于|不高于|最多|至多|不足|不到|少于|小于|低于|不满|未满|[<>≤≥]=?)/u;
const BOUND_AFTER = /(及以上|及以下|以上|以下|以内|之内|开外|内|\+)$/u;
const BOUND_MIDDLE = /^(以上|以下|以内|之内|内)$/u;

/** Digits grouped in threes only ("257,500", "1,234,567"), or not grouped at all; then words, the unit. */
const NUMBER =
  /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(万|亿)?(余|多|以上|以下|以内|之内|内)?((?:\p{L}|[()/、])+)?$/u;

/**
 * Quantities as staff write them: 257500, "257,500", "25.75万", "约3400件",
 * "500只". Units after the number are returned for the caller to judge (a
 * recall counts products: validate/count-units.ts) and so 表2 can show 257500只.
 * Every accepted value is a safe integer: a figure the bulletin prints
 * exactly as typed. "23,80" (is it 2380 or 23.80?) and "1,50,000" are
 * refused, as are exponent notation and digits past 2^53 that a double
 * would silently round (9007199254740993 would become …992), a bound
 * (100以上, 不少于100) and a digit that is a footnote mark (257500¹).
 */
export function parseQuantity(v: CellValue): QuantityResult {
  if (v === null) return { ok: false, reason: 'empty' };
  // A formula's float noise (=0.1*3*1000 saves 300.00000000000006) is the integer Excel shows: it
  // shows no more than 15 significant digits. A real fraction (1.5) stays one, and is refused.
  if (typeof v === 'number') return checkInteger(Number.isInteger(v) ? v : Number(v.toPrecision(15)), null, false);
  if (typeof v !== 'string') return { ok: false, reason: 'not-a-number' };
  // Plain digits, the usual case: what the general path below would give.
  if (/^\d{1,15}$/.test(v)) return { ok: true, value: Number(v), unit: null, approximate: false };
  const special = SPECIAL_DIGIT.exec(v);
  if (special) return { ok: false, reason: 'special-digit', mark: special[0] };
  // '5275: Excel's "store as text" mark, typed into a CSV; read as a separator it was "bad grouping".
  if (/^\s*['‘’]\s*[0-9０-９]/.test(v)) return { ok: false, reason: 'text-mark' };
  const t = fold(v.replace(SPACED_DIGITS, '$1,')).replace(/[，']/g, ',');
  if (t === '') return { ok: false, reason: 'empty' };
  const words: ApproxWords = { before: '', middle: '', after: '' };
  const bare = stripWords(t, words);
  if (typeof bare !== 'string') return bare;
  const m = NUMBER.exec(bare);
  if (!m) return { ok: false, reason: failure(bare) };
  if (m[5] && BOUND_MIDDLE.test(m[5])) return { ok: false, reason: 'bound', mark: m[5] };
  if (m[5]) words.middle = m[5] + words.middle;
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
  const approximate = words.before + words.middle + words.after !== '';
  return approximate ? { ok: true, value, unit, approximate, words } : { ok: true, value, unit, approximate };
}

/** `t` without its words of approximation (kept in `words`), or the bound it states. */
function stripWords(t: string, words: ApproxWords): string | { ok: false; reason: 'bound'; mark: string } {
  for (;;) {
    const bound = BOUND_BEFORE.exec(t) ?? BOUND_AFTER.exec(t);
    // A bound word with no number ("以上") is no quantity at all: told as such below.
    if (bound && /\d/.test(t)) return { ok: false, reason: 'bound', mark: bound[0] };
    const before = APPROX_BEFORE.exec(t);
    const after = before ? null : APPROX_AFTER.exec(t);
    if (before) {
      words.before += before[0];
      t = t.slice(before[0].length);
    } else if (after) {
      // 余 and 多 belong before the unit (3400余件), 左右 after it (500只左右).
      if (after[0] === '余' || after[0] === '多') words.middle = after[0] + words.middle;
      else words.after = after[0] + words.after;
      t = t.slice(0, -after[0].length);
    } else return t;
  }
}

/** Why a text is not a quantity, for the message. */
function failure(t: string): QuantityFailure {
  if (/^[+-]?\d+(\.\d+)?e[+-]?\d+$/i.test(t)) return 'exponent';
  if (/^[+-]?[\d,]+(\.\d+)?(万|亿)?(余|多)?(?:\p{L}|[()/、])*$/u.test(t) && t.includes(',')) return 'grouping';
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
export function quantityProblem(q: { reason: QuantityFailure; mark?: string }): string {
  switch (q.reason) {
    case 'empty':
      return '是空的';
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
    case 'special-digit':
      return `中的“${q.mark ?? ''}”是上标或特殊数字，不是普通数字`;
    case 'bound':
      return `写的是一个范围（“${q.mark ?? ''}”），不是准确的数量，公报只印准确的数字`;
    case 'text-mark':
      return "前面有一个撇号（'），这是 Excel“以文本形式存储”的标记，不是数字的一部分";
    case 'not-a-number':
      return '不是数字';
  }
}
