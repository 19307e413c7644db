import { parse as parseStream, type Parser } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { BulletinError } from '../model/errors.js';
import { decodeText, describeEncoding, type Encoding } from './decode.js';
import { csvScanner, CsvNeedsFullParser } from './csv-scan.js';
import { excelText } from './cell-batch.js';
import { unifyLineBreaks } from './line-breaks.js';
import type { RawTable } from './table.js';

/**
 * The delimiter, comma, semicolon or tab: the one a line of the first ten splits most, so a
 * title row above the header (湖南省召回记录,2022年第三季度 over a tab-separated header) does not
 * decide it; a tie goes to the comma, then the tab.
 */
export function sniffDelimiter(text: string): string {
  const lines = text
    .split(/\r?\n/, 50)
    .filter((l) => l.trim() !== '')
    .slice(0, 10)
    .map((l) => l.replace(/"[^"]*"/g, ''));
  const most = (d: string) => Math.max(0, ...lines.map((l) => l.split(d).length - 1));
  const counts = [',', '\t', ';'].map((d) => ({ d, n: most(d) }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0] && counts[0].n > 0 ? counts[0].d : ',';
}

/**
 * Row numbers are record numbers, as Excel numbers the rows when it opens
 * the file (a quoted cell with line breaks stays on one row). A quote inside
 * a cell that does not start with one (="02", 12") is text, as Excel reads it.
 */
const OPTIONS = { relax_column_count: true, relax_quotes: true, skip_empty_lines: false, trim: false } as const;

/** The same parser as a stream, for csv-stream.ts. */
export function csvParser(delimiter: string): Parser {
  return parseStream({ ...OPTIONS, delimiter });
}

const REFUSED = {
  'input.csv.binary': {
    message: '文件内容不是文本（含有二进制数据），不是 CSV。',
    hint: '请确认选对了文件；Excel 文件请保存为 .xlsx，或在 Excel 中“另存为 CSV”。',
  },
  'input.csv.mixed-encoding': {
    message: '文件混用了两种文字编码',
    hint: '通常是把不同来源的内容拼接在一起造成的。请在 Excel 中打开后整体“另存为 CSV UTF-8”，或提供 .xlsx。',
  },
} as const;

/** UTF-16 with no byte-order mark: read, but the user should know it was a guess. */
export const UTF16_GUESSED = {
  code: 'input.csv.utf16-no-bom',
  message: '文件看起来是没有 BOM 标记的 UTF-16 文本（不是二进制数据），已按 UTF-16 读取；请核对列出的内容没有乱码。',
  hint: '为稳妥起见，请在 Excel 中打开后“另存为”“CSV UTF-8（逗号分隔）”或“CSV（逗号分隔）”（GBK），再重新检查。',
} as const;

/** A file that is not one text encoding; shared with csv-stream.ts. */
export function refusedCsv(code: keyof typeof REFUSED, file: string, detail = ''): BulletinError {
  const r = REFUSED[code];
  return new BulletinError(code, 'input', `${file}：${r.message}${detail ? `（${detail}）。` : ''}`, r.hint);
}

/**
 * Unbalanced quotes and the like, at the row (record) csv-parse was reading: the records it
 * finished plus one, as Excel numbers rows. Its "line" is where it gave up, for a quote never
 * closed the file's last line, not the row the quote opened in.
 */
export function malformedCsv(file: string, encoding: Encoding, cause: unknown): BulletinError {
  const records = (cause as { records?: unknown } | null)?.records;
  const line =
    typeof records === 'number'
      ? records + 1
      : /line (\d+)/i.exec(cause instanceof Error ? cause.message : String(cause))?.[1];
  return new BulletinError(
    'input.csv.malformed',
    'input',
    `${file}：CSV 格式错误${line ? `（第 ${line} 行附近）` : ''}，无法读取（编码 ${describeEncoding(encoding)}）。`,
    '通常是引号没有成对出现。请用 Excel 打开该文件检查后重新“另存为 CSV”，或直接提供 XLSX 文件。',
    { cause },
  );
}

export function readCsv(bytes: Uint8Array, file: string): RawTable {
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw refusedCsv(decoded.code, file, decoded.detail);
  const { encoding } = decoded;
  const text = unifyLineBreaks(decoded.text);
  const delimiter = sniffDelimiter(text);
  let records: string[][] = [];
  try {
    // The fast scanner first; csv-parse when it is unsure (and to word an error).
    const scanner = csvScanner(delimiter, (cells) => records.push(cells));
    scanner.push(text);
    scanner.end();
  } catch (e) {
    if (!(e instanceof CsvNeedsFullParser)) throw e;
    try {
      // The scanner's cells come through recordCells, which reads ="02"; csv-parse's do not.
      records = (parse(text, { ...OPTIONS, delimiter }) as string[][]).map((r) => r.map(excelText));
    } catch (err) {
      throw malformedCsv(file, encoding, err);
    }
  }
  return {
    file,
    format: 'csv',
    sheet: null,
    encoding: describeEncoding(encoding),
    rows: records.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => (c === '' ? null : c)) })),
    notices: decoded.guessed ? [UTF16_GUESSED] : [],
  };
}
