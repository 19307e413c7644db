import { BulletinError } from '../model/errors.js';
import { ExcelJS } from './exceljs.js';
import type { CellValue, RawRow, RawTable } from './table.js';
import { inspectXlsx } from './zip-guard.js';
/** exceljs cell values come in many shapes; flatten them to what the file shows. */
function flatten(v: unknown): CellValue {
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

function unreadable(file: string, cause: unknown): BulletinError {
  return new BulletinError(
    'input.xlsx.unreadable',
    'input',
    `${file}：不是可读取的 XLSX 工作簿（文件可能已损坏、被加密，或其实是其他格式）。`,
    '请用 Excel 打开该文件确认能正常显示，再“另存为”Excel 工作簿（.xlsx）；如设置了密码请先取消。',
    { cause },
  );
}

/** Reads one sheet: the named one, or the first. Merged cells repeat their master's value. */
export async function readXlsx(bytes: Uint8Array, file: string, sheetName?: string): Promise<RawTable> {
  const problem = inspectXlsx(bytes);
  if (problem) throw new BulletinError(problem.code, 'input', `${file}：${problem.message}`, problem.hint);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (e) {
    throw unreadable(file, e);
  }
  const ws = sheetName ? wb.getWorksheet(sheetName) : wb.worksheets[0];
  if (!ws) {
    const names = wb.worksheets.map((w) => w.name).join('、') || '（无）';
    throw new BulletinError(
      sheetName ? 'input.xlsx.sheet-missing' : 'input.xlsx.no-sheet',
      'input',
      sheetName ? `${file}：找不到工作表“${sheetName}”。现有工作表：${names}。` : `${file}：工作簿中没有工作表。`,
      sheetName ? '请检查工作表名称，或不指定工作表以读取第一个。' : '请确认导出的文件包含数据。',
    );
  }
  const rows: RawTable['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = flatten(cell.value);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= null;
    rows.push({ row: rowNumber, cells });
  });
  return { file, format: 'xlsx', sheet: ws.name, encoding: null, rows };
}

/**
 * A workbook too large to load: the named (or first) sheet streamed row by
 * row. Merged cells are not repeated in this mode (exceljs omits them); a
 * recall table has none.
 */
export async function streamXlsx(
  path: string,
  bytesForCheck: Uint8Array | null,
  file: string,
  onRow: (r: RawRow) => void,
  sheetName?: string,
): Promise<{ sheet: string }> {
  if (bytesForCheck) {
    const problem = inspectXlsx(bytesForCheck);
    if (problem) throw new BulletinError(problem.code, 'input', `${file}：${problem.message}`, problem.hint);
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  try {
    for await (const ws of reader) {
      const name = (ws as unknown as { name: string }).name;
      if (sheetName && name !== sheetName) continue;
      for await (const row of ws) {
        const values = (row.values as unknown[]).slice(1).map(flatten);
        for (let i = 0; i < values.length; i++) values[i] ??= null;
        onRow({ row: row.number, cells: values });
      }
      return { sheet: name };
    }
  } catch (e) {
    if (e instanceof BulletinError) throw e;
    throw unreadable(file, e);
  }
  throw new BulletinError(
    'input.xlsx.sheet-missing',
    'input',
    `${file}：找不到工作表“${sheetName ?? ''}”。`,
    '请检查工作表名称，或不指定工作表以读取第一个。',
  );
}
