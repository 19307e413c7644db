/**
 * Calendar dates without time zones. Records carry ISO dates ("2022-08-15");
 * date-fns works on local Date objects, so we only ever build them from
 * year/month/day parts and never from the clock.
 */
import { format } from 'date-fns/format';
import { isMatch } from 'date-fns/isMatch';
import { isValid } from 'date-fns/isValid';
import { parse } from 'date-fns/parse';

export type IsoDate = string;

const pad = (n: number) => String(n).padStart(2, '0');

/** Called for every date cell of every row: built by hand, not with format(). */
export function isoDate(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2999) return null;
  const d = new Date(year, month - 1, day);
  if (!isValid(d) || d.getFullYear() !== year || d.getMonth() !== month - 1 || d.getDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function isIsoDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && isMatch(s, 'yyyy-MM-dd');
}

/**
 * Why text in the form YYYY-MM-DD is no date, in Chinese: 2022-02-30 → 2022年2月没有30日,
 * 2022-13-01 → 一年没有13月; null when it is a date or not in that form.
 */
export function missingDay(s: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m || isIsoDate(s)) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month < 1 || month > 12 ? `一年没有${month}月` : `${year}年${month}月没有${day}日`;
}

/** 2022年11月8日 */
export function chineseDate(iso: IsoDate): string {
  return format(parse(iso, 'yyyy-MM-dd', new Date(2000, 0, 1)), 'yyyy年M月d日');
}

/** 9月30日 */
export function chineseMonthDay(iso: IsoDate): string {
  return format(parse(iso, 'yyyy-MM-dd', new Date(2000, 0, 1)), 'M月d日');
}

export function endOfMonth(year: number, month: number): IsoDate {
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

/** Days since 1899-12-30 (Excel's 1900 date system) → ISO date. */
export function fromExcelSerial(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null;
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000;
  const d = new Date(ms);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}
