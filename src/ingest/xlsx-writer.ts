/**
 * Blank input workbooks for staff (bulletin init): Chinese headers, a frozen
 * header row, drop-down lists, and number and date formats per column.
 * exceljs comes from exceljs.ts, which loads it for reader and writer alike.
 */
import { ExcelJS, type ExcelJSTypes } from './exceljs.js';

export interface ColumnSpec {
  header: string;
  width: number;
  /** Drop-down choices (data validation). */
  list?: readonly string[];
  numFmt?: string;
  /** A date column: values are written as date cells. */
  date?: boolean;
}

export interface SheetSpec {
  name: string;
  columns: readonly ColumnSpec[];
  rows: ReadonlyArray<readonly unknown[]>;
}

/** Rows below the header that get the validation and formats. */
const FORMATTED_ROWS = 1000;

export async function workbookBytes(sheet: SheetSpec): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  // A fixed date keeps the generated files identical from run to run.
  wb.created = wb.modified = new Date(Date.UTC(2022, 0, 1));
  const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = sheet.columns.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const r of sheet.rows)
    ws.addRow(r.map((v, i) => (sheet.columns[i]?.date && typeof v === 'string' ? new Date(`${v}T00:00:00Z`) : v)));
  sheet.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    if (c.numFmt || c.date) col.numFmt = c.date ? 'yyyy-mm-dd' : (c.numFmt as string);
    if (c.list) {
      const letter = col.letter;
      const range = `${letter}2:${letter}${FORMATTED_ROWS + 1}`;
      // exceljs has range validations (worksheet.dataValidations) but its typings lack them.
      (
        ws as unknown as { dataValidations: { add(range: string, v: ExcelJSTypes.DataValidation): void } }
      ).dataValidations.add(range, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${c.list.join(',')}"`],
        showErrorMessage: true,
        errorTitle: '请从下拉列表中选择',
        error: `${c.header}只能是：${c.list.join('、')}`,
      });
    }
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
