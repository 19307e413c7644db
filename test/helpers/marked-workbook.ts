import ExcelJS from 'exceljs';
import { HEADER, recordRow } from './tables.js';

/** Records in rows 2–9: H2–H6 in scaling formats, H7 in plain ones, H8:H9 merged, F2:F3 (市州) merged. */
export async function markedWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('召回记录');
  ws.addRow(HEADER);
  for (let i = 0; i < 8; i++) ws.addRow(recordRow({ 生产者: `企业${i}`, 召回数量: 26 + i }));
  const formats = ['0"万件"', '0.00"万"', '#,##0"千"', '#,##0,', '0%'];
  formats.forEach((f, i) => (ws.getCell(`H${i + 2}`).numFmt = f));
  ws.getCell('H7').numFmt = '#,##0"件"';
  ws.getCell('I7').numFmt = '0"万件"';
  ws.mergeCells('H8:H9');
  ws.mergeCells('F2:F3');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The formats of pointWorkbook's rows 2–9: three with a literal point among the digits, then ordinary ones. */
export const POINT_FORMATS = ['0!.0000', '0"."0000', '0\\.0000', '0.00', '#,##0', '0_ ', 'General', '@'];

/** Records in rows 2–9, each of 23800 (from another manufacturer: no duplicates) in one of POINT_FORMATS. */
export async function pointWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('召回记录');
  ws.addRow(HEADER);
  POINT_FORMATS.forEach((f, i) => {
    ws.addRow(recordRow({ 生产者: `企业${i}`, 召回数量: 23800 }));
    ws.getCell(`H${i + 2}`).numFmt = f;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
