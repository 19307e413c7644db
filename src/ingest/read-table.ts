import { readRegularFile } from '../files/read-regular-file.js';
import { extname } from 'node:path';
import { BulletinError } from '../model/errors.js';
import { readCsv } from './csv-reader.js';
import type { RawTable, SheetChooser } from './table.js';

export const TABLE_EXTENSIONS = ['.xlsx', '.csv', '.tsv', '.txt'] as const;

/** Reads a CSV or XLSX file into a raw table; `display` is the path shown to users. */
export async function readTable(path: string, display = path, sheet?: SheetChooser): Promise<RawTable> {
  const ext = extname(path).toLowerCase();
  if (!(TABLE_EXTENSIONS as readonly string[]).includes(ext)) {
    throw new BulletinError(
      'input.format.unsupported',
      'input',
      `${display}：不支持的文件类型“${ext || '（无扩展名）'}”。`,
      '请提供 .xlsx 或 .csv 文件。旧版 .xls 请在 Excel 中“另存为”.xlsx。',
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(path);
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    throw new BulletinError(
      'input.file.unreadable',
      'input',
      `${display}：${missing ? '找不到该文件' : '无法读取该文件'}。`,
      missing ? '请检查文件名和路径（相对于当前文件夹）。' : '请检查这是否是一个文件、是否有读取权限。',
      { cause: e },
    );
  }
  if (bytes.length === 0) {
    throw new BulletinError('input.file.empty', 'input', `${display}：文件是空的（0 字节）。`, '请重新导出该文件。');
  }
  if (ext !== '.xlsx') return readCsv(bytes, display);
  // ExcelJS takes 0.25-0.5 s to load: a small plain workbook is read without it (the same rows; a
  // property test holds the two equal), anything else by exceljs.
  const light = await (await import('./xlsx-light.js')).readXlsxLight(bytes, display, sheet);
  return light ?? (await import('./xlsx-reader.js')).readXlsx(bytes, display, sheet);
}
