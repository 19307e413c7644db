/** Chinese number and list phrasing used in narratives. */

/**
 * toFixed without exponent notation: past 1e21 JavaScript prints 1e+21, which
 * must never reach a published page. Large values are written out in digits.
 */
export function fixed(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) < 1e21) return value.toFixed(decimals);
  const digits = BigInt(Math.round(value)).toString();
  return decimals > 0 ? `${digits}.${'0'.repeat(decimals)}` : digits;
}

/** A whole number in plain digits (no exponent notation at any size). */
export function integerText(value: number): string {
  return Number.isInteger(value) ? fixed(value, 0) : String(value);
}

/** 61.54 → "61.54%" (two decimals, as bulletins print them, unless configured). */
export function percent(value: number, decimals = 2): string {
  return `${fixed(value, decimals)}%`;
}

/** 万, 亿, 万亿 and their sizes, smallest first. */
const BIG_UNITS: ReadonlyArray<readonly [number, string]> = [
  [1e4, '万'],
  [1e8, '亿'],
  [1e12, '万亿'],
];

/**
 * Large counts with two decimals, rounded half up: 82558717 → "8255.87万",
 * 2288116 → "228.81万". The unit is chosen after rounding: the smallest whose
 * rounded figure stays below 10000, so 99999999 is "1.00亿", never
 * "10000.00万". Below 10000 the plain integer is returned.
 */
export function wan(value: number): string {
  const abs = Math.abs(value);
  if (abs < 10_000) return integerText(value);
  const sign = value < 0 ? '-' : '';
  let text = '';
  for (const [size, unit] of BIG_UNITS) {
    // Hundredths of the unit; the divisor (size / 100) is a whole number, so x.5 stays exact.
    const hundredths = Math.round(abs / (size / 100));
    text = `${sign}${fixed(hundredths / 100, 2)}${unit}`;
    if (hundredths < 1_000_000) break;
  }
  return text;
}

/** ["长沙", "株洲"] → "长沙、株洲" */
export function listJoin(items: readonly string[]): string {
  return items.join('、');
}

/** ["A", "B", "C"] → "A、B和C" for leaders that tie. */
export function andJoin(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('、')}和${items[items.length - 1]}`;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 0-9999 in Chinese numerals: 4 → 四, 10 → 十, 14 → 十四, 24 → 二十四, 105 → 一百零五. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n < 10) return DIGITS[n] as string;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i] as string;
    if (d === 0) {
      zero = true;
      return;
    }
    if (zero && out) out += '零';
    zero = false;
    out += `${DIGITS[d]}${unit}`;
  });
  return out;
}

/** 第一, 第二 … and 并列第二 when tied. */
export function ordinal(rank: number, tied = false): string {
  return `${tied ? '并列' : ''}第${chineseNumber(rank)}`;
}

/** A count before a measure word: 2 → 两 (两个), otherwise chineseNumber. */
export function chineseCount(n: number): string {
  return n === 2 ? '两' : chineseNumber(n);
}

/** A change between two figures: difference, percentage (null when from zero: "new"). */
export interface Change {
  from: number;
  to: number;
  diff: number;
  /** Percent change with two decimals; null when `from` is 0. */
  pct: number | null;
}

/**
 * The percentage rounded half up on its size, in integers: a fall of 3.125% is 3.13% as a rise
 * of 3.125% is (Math.round of -312.5 gave -312, a fall of 3.12%), and 1.005 is no 1.00499….
 */
function percentChange(from: number, diff: number): number {
  const hundredths = (2n * 10_000n * BigInt(Math.abs(diff)) + BigInt(from)) / (2n * BigInt(from));
  return (Math.sign(diff) * Number(hundredths)) / 100;
}

export function change(from: number, to: number): Change {
  return { from, to, diff: to - from, pct: from === 0 ? null : percentChange(from, to - from) };
}

/** SAMR's phrasing: 召回次数同比增长29.91% / 下降86.19% / 持平; from zero: 新增. */
export function changePhrase(label: string, kind: '同比' | '环比', c: Change): string {
  if (c.pct === null) return c.to === 0 ? `${label}${kind}持平` : `${label}${kind}新增${integerText(c.to)}`;
  if (c.diff === 0) return `${label}${kind}持平`;
  // 100000 → 100001 is no 持平: it rose, by less than the two decimals can show.
  if (c.pct === 0) return `${label}${kind}${c.diff > 0 ? '增长' : '下降'}不足0.01%`;
  return `${label}${kind}${c.pct > 0 ? '增长' : '下降'}${fixed(Math.abs(c.pct), 2)}%`;
}

/** Share changes in 个百分点: 上升1.25个百分点. */
export function pointsPhrase(fromShare: number, toShare: number): string {
  const pp = Math.round((toShare - fromShare) * 100) / 100;
  return pp === 0 ? '持平' : `${pp > 0 ? '上升' : '下降'}${fixed(Math.abs(pp), 2)}个百分点`;
}

/** 全国排名由第三上升至第一 / 保持第一. */
export function rankPhrase(from: number, to: number, fromTied = false, toTied = false): string {
  // A tie printed as a sole rank contradicted the sentence before it (位居全国并列第一 … 上升至第一).
  if (from === to && fromTied === toTied) return `全国排名保持${ordinal(to, toTied)}`;
  if (from === to) return `全国排名由${ordinal(from, fromTied)}变为${ordinal(to, toTied)}`;
  return `全国排名由${ordinal(from, fromTied)}${to < from ? '上升' : '下降'}至${ordinal(to, toTied)}`;
}

/** A time limit in words: 60 秒, 1.5 秒, 20 毫秒 (--timeout 0.001 read "用了 0 秒"). */
export function durationText(ms: number): string {
  if (ms < 1000) return `${Math.max(1, Math.round(ms))} 毫秒`;
  return `${ms < 10_000 ? Math.round(ms / 100) / 10 : Math.round(ms / 1000)} 秒`;
}
