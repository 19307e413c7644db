import { parse as parseStream, type Parser } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { BulletinError } from '../model/errors.js';
import { decodeText, describeEncoding } from './decode.js';
import type { RawTable } from './table.js';

/** The delimiter of the first non-empty line: comma, semicolon or tab. */
export function sniffDelimiter(text: string): string {
  const first = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const unquoted = first.replace(/"[^"]*"/g, '');
  const counts = [',', '\t', ';'].map((d) => ({ d, n: unquoted.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0] && counts[0].n > 0 ? counts[0].d : ',';
}

/**
 * Row numbers are record numbers, as Excel numbers the rows when it opens
 * the file (a quoted cell with line breaks stays on one row).
 */
const OPTIONS = { relax_column_count: true, skip_empty_lines: false, trim: false } as const;

/** The same parser as a stream, for csv-stream.ts. */
export function csvParser(delimiter: string): Parser {
  return parseStream({ ...OPTIONS, delimiter });
}

const REFUSED = {
  'input.csv.binary': { message: '文件内容不是文本（含有二进制数据），不是 CSV。', hint: '请确认选对了文件；Excel 文件请保存为 .xlsx，或在 Excel 中“另存为 CSV”。' },
  'input.csv.mixed-encoding': { message: '文件混用了两种文字编码', hint: '通常是把不同来源的内容拼接在一起造成的。请在 Excel 中打开后整体“另存为 CSV UTF-8”，或提供 .xlsx。' },
} as const;

export function readCsv(bytes: Uint8Array, file: string): RawTable {
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    const r = REFUSED[decoded.code];
    throw new BulletinError(decoded.code, 'input', `${file}：${r.message}${decoded.detail ? `（${decoded.detail}）。` : ''}`, r.hint);
  }
  const { text, encoding } = decoded;
  let records: string[][];
  try {
    records = parse(text, { ...OPTIONS, delimiter: sniffDelimiter(text) }) as string[][];
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    const line = /line (\d+)/i.exec(detail)?.[1];
    throw new BulletinError(
      'input.csv.malformed',
      'input',
      `${file}：CSV 格式错误${line ? `（第 ${line} 行附近）` : ''}，无法读取（编码 ${describeEncoding(encoding)}）。`,
      '通常是引号没有成对出现。请用 Excel 打开该文件检查后重新“另存为 CSV”，或直接提供 XLSX 文件。',
      { cause: e },
    );
  }
  return {
    file,
    format: 'csv',
    sheet: null,
    encoding: describeEncoding(encoding),
    rows: records.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => (c === '' ? null : c)) })),
  };
}
