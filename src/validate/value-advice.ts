/**
 * What a key of issue.json or of an article's front matter should hold, in
 * the words of the value found there: a null (JSON null, or a key left empty
 * in the front matter) is told what to fill in, not to drop quotes it does
 * not have; a date that does not exist is told so, not to use the form it
 * already has.
 */
import { missingDay } from '../model/calendar.js';

/** For a refine on a date's text: the day that does not exist, or the form wanted. */
export function dateAdvice(text: unknown): string {
  const missing = typeof text === 'string' ? missingDay(text) : null;
  if (missing) return `写的 ${String(text)} 不是存在的日期：${missing}。请改为实际的日期，如 2022-11-08`;
  return '日期要写成 YYYY-MM-DD，如 2022-11-08';
}

/** For a count's type error (期号, 总期号, order): null, text in quotes ("3", "三"), or anything else. */
export function countAdvice(input: unknown, ifNull: string, wanted: string): string {
  if (input === null) return ifNull;
  return typeof input === 'string' ? `${wanted}，不要加引号` : wanted;
}

/** For a type error: what to fill in when the value is null (or a required key is left out); zod's own message otherwise. */
export const whenNull =
  (ifNull: string, otherwise?: string) =>
  (iss: { input?: unknown }): string | undefined =>
    iss.input === null || iss.input === undefined ? ifNull : otherwise;
