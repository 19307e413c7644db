import { BulletinError } from '../model/errors.js';
import { ExcelJS, type ExcelJSTypes } from './exceljs.js';
import { firstVisible, HEAD_ROWS, type CellValue, type RawTable, type SheetChooser } from './table.js';
import { sheetParts } from './xlsx-parts.js';
import { markRow, mergesByRow } from './cell-marks.js';
import { sheetLayout, withIsoDates, type Merge } from './sheet-layout.js';
import { inspectXlsx } from './zip-guard.js';

/** exceljs cell values come in many shapes; flatten them to what the file shows. */
export function flatten(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('error' in o) return { error: String(o.error) };
    if ('result' in o && o.result !== undefined) return flatten(o.result);
    if ('formula' in o || 'sharedFormula' in o) return { formula: String(o.formula ?? o.sharedFormula) };
    if (Array.isArray(o.richText)) return o.richText.map((r: { text?: string }) => r.text ?? '').join('');
    if ('text' in o) return flatten(o.text);
  }
  return String(v);
}

export function unreadable(file: string, cause: unknown): BulletinError {
  return new BulletinError(
    'input.xlsx.unreadable',
    'input',
    `${file}：不是可读取的 XLSX 工作簿（文件可能已损坏、被加密，或其实是其他格式）。`,
    '请用 Excel 打开该文件确认能正常显示，再“另存为”Excel 工作簿（.xlsx）；如设置了密码请先取消。',
    { cause },
  );
}

export function sheetMissing(file: string, name: string, names: readonly string[]): BulletinError {
  return new BulletinError(
    'input.xlsx.sheet-missing',
    'input',
    `${file}：找不到工作表“${name}”。现有工作表：${names.join('、') || '（无）'}。`,
    '请检查工作表名称，或不指定工作表（读取第一个有表头的可见工作表）。',
  );
}

export function noSheet(file: string): BulletinError {
  return new BulletinError(
    'input.xlsx.no-sheet',
    'input',
    `${file}：工作簿中没有工作表。`,
    '请确认导出的文件包含数据。',
  );
}

/** The name a chooser asked for and did not find (for the message). */
export function chosenName(choose: SheetChooser): string {
  return choose.wanted ?? '';
}

/**
 * A sheet's rows, or its first `limit`; rows with no value are left out, hidden ones marked, and
 * with `merges` (the sheet's ranges by row) the cells cell-marks.ts marks.
 */
function sheetRows(ws: ExcelJSTypes.Worksheet, limit = Infinity, merges?: Map<number, Merge[]>): RawTable['rows'] {
  const rows: RawTable['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rows.length >= limit) return;
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = flatten(cell.value);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= null;
    if (!cells.some((c) => c !== null)) return;
    const raw = row.hidden ? { row: rowNumber, cells, hidden: true as const } : { row: rowNumber, cells };
    rows.push(merges ? markRow(raw, merges.get(rowNumber), (c) => row.getCell(c + 1).numFmt || undefined) : raw);
  });
  return rows;
}

/**
 * Reads one sheet: the named one, or the one `choose` picks from the first
 * rows of each (by default the first visible). Merged cells repeat their
 * master's value.
 */
export async function readXlsx(
  bytes: Uint8Array,
  file: string,
  choose: SheetChooser = firstVisible,
): Promise<RawTable> {
  const problem = inspectXlsx(bytes);
  if (problem) throw new BulletinError(problem.code, 'input', `${file}：${problem.message}`, problem.hint);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (e) {
    throw unreadable(file, e);
  }
  // Sheets as the workbook lists them (exceljs leaves out a sheet with no rows).
  const parts = await sheetParts(bytes);
  if (parts.length === 0) throw noSheet(file);
  const sheets = parts.map((p) => ({ name: p.name, hidden: p.hidden, ws: wb.getWorksheet(p.name) }));
  const heads = sheets.map((s) => ({ name: s.name, hidden: s.hidden, rows: s.ws ? sheetRows(s.ws, HEAD_ROWS) : [] }));
  const { index, notices } = choose(heads);
  const chosen = sheets[index];
  if (!chosen)
    throw sheetMissing(
      file,
      chosenName(choose),
      parts.map((p) => p.name),
    );
  const ws = { name: chosen.name };
  const { merges, isoDates } = await sheetLayout(bytes, parts[index]!.path);
  const read = chosen.ws ? sheetRows(chosen.ws, Infinity, mergesByRow(merges)) : [];
  const rows = isoDates.size === 0 ? read : read.map((r) => withIsoDates(r, isoDates));
  return { file, format: 'xlsx', sheet: ws.name, encoding: null, rows, notices };
}
