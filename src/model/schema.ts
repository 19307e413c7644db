/**
 * The only module that imports zod: schemas for JSON inputs (configuration,
 * issue.json, front matter, reference data), with zod's messages in
 * Chinese, since they reach data staff as they are.
 */
import { z } from 'zod';

z.config(z.locales.zhCN());

export { z };

/** "1:7" style position of character `index` in `text`, for JSON errors. */
export function lineOfIndex(text: string, index: number): number {
  return text.slice(0, Math.max(0, index)).split('\n').length;
}

/** JSON.parse with a Chinese message naming the line of the first error. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const pos = /position (\d+)/.exec((e as Error).message)?.[1];
    return { ok: false, message: pos ? `第 ${lineOfIndex(text, Number(pos))} 行附近有语法错误` : '有语法错误' };
  }
}
