import { fromExcelSerial, isoDate, type IsoDate } from '../model/calendar.js';
import type { CellValue } from '../ingest/table.js';
import { fold } from '../model/text.js';
import { SPECIAL_DIGIT } from './parse-quantity.js';

export type DateResult =
  { ok: true; value: IsoDate } | { ok: false; reason: 'empty' | 'unreadable' | 'impossible' | 'weekday' };

/** 日 and 天 both Sunday (getUTCDay 0). */
const WEEKDAYS = '日一二三四五六天';

/** Serial numbers this large are dates from 1982 to 2064, never a plausible year/month typo. */
const SERIAL_MIN = 30_000;
const SERIAL_MAX = 60_000;

/**
 * Date cells (exceljs gives UTC midnight), serial numbers (East-Asian date
 * formats arrive that way), and text: 2022-08-15, 2022/8/15, 2022.8.15,
 * 2022年8月15日, optionally followed by a time.
 */
export function parseDate(v: CellValue): DateResult {
  if (v === null) return { ok: false, reason: 'empty' };
  if (v instanceof Date) {
    const d = isoDate(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
    return d ? { ok: true, value: d } : { ok: false, reason: 'unreadable' };
  }
  // 20220712 typed into a General cell: the number of the text "20220712", read the same way.
  if (typeof v === 'number' && Number.isInteger(v) && v >= 19_000_101 && v <= 29_991_231) return parseDate(String(v));
  if (typeof v === 'number') return fromSerial(v);
  // fold()'s NFKC would read 2022-08-1⑤ as 2022-08-15 (parse-quantity.ts SPECIAL_DIGIT).
  if (typeof v !== 'string' || SPECIAL_DIGIT.test(v)) return { ok: false, reason: 'unreadable' };
  const t = fold(v);
  if (t === '') return { ok: false, reason: 'empty' };
  if (/^\d{5}(\.\d+)?$/.test(t)) return fromSerial(Number(t));
  const m =
    // A trailing point (2022.07.02.), a weekday (2022年7月1日 星期五) and a time without a zone
    // (2022-07-01T00:00:00, as exports write it) say nothing more about the day. A zone (Z, +08:00)
    // is refused: 2022-06-30T20:00:00Z is already 1 July in Hunan. So is 24:00, the next day's start
    // (2022-09-30T24:00 is 1 October): hours 0-23, minutes and seconds 0-59.
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[日.]?(?:(?:星期|周)([一二三四五六日天]))?(?:t?(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?)?$/u.exec(
      t,
    ) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return { ok: false, reason: 'unreadable' };
  const d = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  if (!d) return { ok: false, reason: 'impossible' };
  // 2022-09-30 星期六: the 30th was a Friday, the Saturday 1 October, in another quarter.
  if (m[4] !== undefined && WEEKDAYS.indexOf(m[4]) % 7 !== new Date(`${d}T00:00:00Z`).getUTCDay())
    return { ok: false, reason: 'weekday' };
  return { ok: true, value: d };
}

function fromSerial(n: number): DateResult {
  if (n < SERIAL_MIN || n > SERIAL_MAX) return { ok: false, reason: 'unreadable' };
  const d = fromExcelSerial(n);
  return d ? { ok: true, value: d } : { ok: false, reason: 'unreadable' };
}
