/** Chinese number and list phrasing used in narratives. */

/** 61.54 → "61.54%" (always two decimals, as bulletins print them). */
export function percent(value: number): string {
  return `${value.toFixed(2)}%`;
}

/**
 * Large counts in 万 with two decimals, truncated as SAMR does is not
 * documented; we round half up: 82558717 → "8255.87万", 2288116 → "228.81万".
 * Below 10000 the plain integer is returned.
 */
export function wan(value: number): string {
  if (Math.abs(value) < 10_000) return String(value);
  if (Math.abs(value) >= 100_000_000) return `${(Math.round(value / 1_000_000) / 100).toFixed(2)}亿`;
  return `${(Math.round(value / 100) / 100).toFixed(2)}万`;
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
