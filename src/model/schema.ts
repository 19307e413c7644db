/**
 * The only module that imports zod: schemas for JSON inputs (configuration,
 * issue.json, front matter, reference data), with zod's messages in
 * Chinese, since they reach data staff as they are.
 */
import { z } from 'zod';

/** What a value is, in words data staff use (zod's Chinese messages keep English type names: 期望 string). */
const KIND: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: 'true 或 false',
  array: '列表（[…]）',
  object: '一组设置（{…}）',
  null: '空值（null）',
  undefined: '空',
};

const kindOf = (v: unknown): string => KIND[v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v] ?? typeof v;

/** The messages zod's locale words with type names; undefined leaves the others to the locale. */
function chineseIssue(iss: { code?: string; [k: string]: unknown }): string | undefined {
  const size = iss.origin === 'string' || iss.origin === 'array' ? '长度' : '数值';
  switch (iss.code) {
    case 'invalid_type':
      return `应为${KIND[String(iss.expected)] ?? String(iss.expected)}，实际是${kindOf(iss.input)}`;
    case 'too_big':
      return `${size}不能${iss.inclusive ? '大于' : '达到'} ${String(iss.maximum)}`;
    case 'too_small':
      return `${size}不能${iss.inclusive ? '小于' : '等于或小于'} ${String(iss.minimum)}`;
    default:
      return undefined;
  }
}

z.config({ ...z.locales.zhCN(), customError: chineseIssue });

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

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A JSON file's bytes as text. JSON is UTF-8 (RFC 8259); Windows Notepad
 * adds a BOM, which is accepted. Anything else (GBK from an older Notepad's
 * "ANSI", UTF-16 from "Unicode") is refused: decoding GBK as UTF-8 printed
 * the notice as mojibake with exit 0.
 */
export function jsonText(bytes: Uint8Array): { ok: true; text: string } | { ok: false; message: string } {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  // A zero byte is never in JSON text: UTF-16 (with or without BOM) has one in every ASCII character.
  const utf16 =
    (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || bytes.includes(0);
  if (utf16) return { ok: false, message: '文件是 UTF-16 编码（记事本的“Unicode”），不是 UTF-8' };
  try {
    return { ok: true, text: strictUtf8.decode(bom ? bytes.subarray(3) : bytes) };
  } catch {
    return { ok: false, message: '文件不是 UTF-8 编码（看起来是 GBK/GB18030，即记事本的“ANSI”），中文会变成乱码' };
  }
}

/** What to do about a JSON file that is not UTF-8. */
export const SAVE_AS_UTF8 = '请用记事本、WPS 或 VS Code 打开该文件，“另存为”时把编码选为 UTF-8，保存后再试。';

/** jsonText, then parseJson. */
export function parseJsonBytes(
  bytes: Uint8Array,
): { ok: true; value: unknown } | { ok: false; reason: 'encoding' | 'syntax'; message: string } {
  const t = jsonText(bytes);
  if (!t.ok) return { ok: false, reason: 'encoding', message: t.message };
  const json = parseJson(t.text);
  return json.ok ? json : { ok: false, reason: 'syntax', message: json.message };
}
