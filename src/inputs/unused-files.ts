/**
 * Spreadsheets in a quarter folder that no naming rule reads (locate-inputs.ts): a second export
 * (recalls-2.csv, 召回记录补充.xlsx) or a copy (recalls (1).xlsx). Their rows would be left out of
 * every figure without a word, so each is an error until it is merged or moved out. Excel's lock
 * file (~$recalls.xlsx, there while the workbook is open) and hidden files are not the user's.
 */
import { extname, join } from 'node:path';
import { fileError, type ValidationIssue } from '../model/issues.js';
import { TABLE_KINDS } from './input-kinds.js';
import type { LocatedQuarter } from './locate-inputs.js';

const SHEETS = new Set(['.csv', '.tsv', '.txt', '.xlsx', '.xlsm', '.xls', '.et', '.ods', '.numbers']);

export function unusedTables(located: LocatedQuarter, display: (p: string) => string): ValidationIssue[] {
  const read = new Set(Object.values(located.tables).map((p) => p.toLowerCase()));
  return located.names
    .filter((name) => SHEETS.has(extname(name).toLowerCase()) && !/^(~\$|\.)/.test(name))
    .filter((name) => !read.has(join(located.quarterDir, name).toLowerCase()))
    .map((name) =>
      fileError(
        display(join(located.quarterDir, name)),
        'input.file.unused',
        `这个文件没有被读取，其中的数字不会进入公报：季度文件夹中的表格按文件名识别（${TABLE_KINDS.join('、')}，扩展名 .xlsx 或 .csv），“${name}”不是其中之一。`,
        '如果它是本季度数据的一部分（如补充的召回记录），请把内容合并到对应的表格（如 recalls.xlsx）；不需要时请把它移出这个文件夹。',
      ),
    );
}
