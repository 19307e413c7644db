import { BulletinError } from './errors.js';
import { endOfMonth, type IsoDate } from './calendar.js';

export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

const QUARTER_NAMES = ['第一季度', '第二季度', '第三季度', '第四季度'] as const;
const YTD_NAMES = ['第一季度', '上半年', '前三季度', '全年'] as const;

/** Accepts 2022Q3, 2022-Q3, 2022q3, 2022-3 is not accepted (ambiguous with months). */
export function parseQuarter(text: string): Quarter {
  const m = /^\s*(\d{4})\s*-?\s*[qQ]\s*([1-4])\s*$/.exec(text);
  if (!m) {
    throw new BulletinError(
      'usage.quarter',
      'usage',
      `无法识别的季度“${text}”。`,
      '请写成 2022Q3（也接受 2022-Q3、2022q3）。',
    );
  }
  // 0000Q1 matched the pattern and became "0Q1" in every path and message after it.
  if (Number(m[1]) < 1900)
    throw new BulletinError(
      'usage.quarter',
      'usage',
      `季度“${text.trim()}”的年份 ${m[1]} 不对。`,
      '请写成 2022Q3 这样的四位年份加季度。',
    );
  return { year: Number(m[1]), quarter: Number(m[2]) as Quarter['quarter'] };
}

export function quarterId(q: Quarter): string {
  return `${q.year}Q${q.quarter}`;
}

/** 2022年第三季度 */
export function quarterName(q: Quarter): string {
  return `${q.year}年${QUARTER_NAMES[q.quarter - 1]}`;
}

/** Year to date up to this quarter: 第一季度, 上半年, 前三季度, 全年. */
export function yearToDateName(q: Quarter): string {
  return YTD_NAMES[q.quarter - 1] as string;
}

export function quarterStart(q: Quarter): IsoDate {
  return `${q.year}-${String((q.quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
}

export function quarterEnd(q: Quarter): IsoDate {
  return endOfMonth(q.year, q.quarter * 3);
}

/** Called for every row of a file: no calendar arithmetic, only the date's own year and month. */
export function quarterContains(q: Quarter, date: IsoDate): boolean {
  const d = quarterOf(date);
  return d.year === q.year && d.quarter === q.quarter;
}

export function quarterOf(date: IsoDate): Quarter {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return { year, quarter: (Math.floor((month - 1) / 3) + 1) as Quarter['quarter'] };
}
