/**
 * One input table: read it, recognise its kind, check it. A file that
 * cannot be read becomes a finding (and is marked unreadable) so the other
 * files are still checked.
 */
import { isBulletinError } from '../model/errors.js';
import { fileError, makeIssue, type RowAccount, type ValidationIssue } from '../model/issues.js';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { streamCsv } from '../ingest/csv-stream.js';
import type { CellBatch } from '../ingest/csv-scan.js';
import { readTable } from '../ingest/read-table.js';
import type { RawRow, RawTable, SheetChooser } from '../ingest/table.js';
import { localChecker, threadChecker, type BatchChecker } from './checker-thread.js';
import { holdOptions, type Hold } from './tallied-checker.js';
import {
  checkTable,
  kindFromColumns,
  kindFromName,
  kindTitle,
  sheetChooser,
  TABLE_KINDS,
  type CheckContext,
  type Checked,
  type TableKind,
} from './input-kinds.js';

export interface FileReport {
  file: string;
  kind: TableKind | 'issue' | 'article' | null;
  format: 'csv' | 'xlsx' | 'json' | 'markdown' | null;
  sheet: string | null;
  encoding: string | null;
  headerRow: number | null;
  rows: RowAccount | null;
  unreadable: boolean;
}

export interface CheckedFile {
  report: FileReport;
  checked: Checked | null;
  issues: ValidationIssue[];
}

/** A reader's input error as a finding, so the other files are still checked; anything else is a bug and goes on up. */
function unreadableFile(e: unknown, display: string, report: FileReport): CheckedFile {
  if (!isBulletinError(e) || e.kind !== 'input') throw e;
  report.unreadable = true;
  return {
    report,
    checked: null,
    issues: [fileError(display, e.code, e.message.replace(`${display}：`, ''), e.hint ?? '')],
  };
}

/** The reader's notices (sheet chosen, encoding guessed) as findings about the file, warnings unless said. */
function readerNotices(table: Pick<RawTable, 'file' | 'sheet' | 'notices'>): ValidationIssue[] {
  return (table.notices ?? []).map((n) =>
    makeIssue(n.severity ?? 'warning', n.code, { file: table.file, sheet: table.sheet }, n.message, n.hint),
  );
}

const KIND_HINT = `文件名请用：${TABLE_KINDS.map((k) => `${k}.xlsx（${kindTitle(k)}）`).join('、')}；或者让表头包含该表的全部必需列。`;

/** Record files larger than this are checked as a stream (the CLI passes BULLETIN_STREAM_BYTES as ctx.streamBytes). */
export const DEFAULT_STREAM_BYTES = 16 * 1024 * 1024;

/** A large recall-records CSV or workbook, checked row by row without holding it. */
async function checkStreaming(
  path: string,
  display: string,
  ctx: CheckContext,
  report: FileReport,
  hold: Hold,
  choose: SheetChooser,
): Promise<CheckedFile> {
  const format: 'csv' | 'xlsx' = extname(path).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv';
  const source = { file: display, sheet: null, format, encoding: null };
  const opts = holdOptions(hold, 10_000);
  let checker: BatchChecker | null = null;
  let notices: ValidationIssue[] = [];
  let r;
  try {
    if (format === 'csv') {
      // The reader may start the file over (another encoding, the full CSV parser): so does the checker.
      const begin = () => {
        checker?.close();
        const c = (checker = threadChecker(source, ctx, opts) ?? localChecker(source, ctx, opts));
        return (b: CellBatch) => c.batch(b);
      };
      report.encoding = (await streamCsv(path, display, begin, () => checker?.pause() ?? Promise.resolve())).encoding;
    } else {
      // A workbook's rows would cost more to send to another thread than to
      // check here (ExcelJS keeps this thread busy anyway): checked locally.
      const { streamXlsx } = await import('../ingest/xlsx-stream.js');
      // The sheet is chosen before the first row arrives; findings name it.
      let c: ReturnType<typeof localChecker> | null = null;
      const row = (r: RawRow, sheet: string) => (c ??= localChecker({ ...source, sheet }, ctx, opts)).row(r);
      const read = await streamXlsx(path, await readFile(path), display, row, choose);
      report.sheet = read.sheet;
      checker = c ?? localChecker({ ...source, sheet: read.sheet }, ctx, opts);
      notices = readerNotices({ file: display, sheet: read.sheet, notices: read.notices });
    }
    r = await (checker ?? localChecker(source, ctx, opts)).finish();
  } catch (e) {
    (checker as BatchChecker | null)?.close();
    return unreadableFile(e, display, report);
  }
  Object.assign(report, { kind: 'recalls', format, headerRow: r.headerRow, rows: r.rows });
  return {
    report,
    checked: { kind: 'recalls', ...r },
    issues: [...notices, ...r.issues],
  };
}

export async function checkTableFile(
  path: string,
  display: string,
  ctx: CheckContext,
  kind?: TableKind,
  sheet?: string,
  hold: Hold = 'records',
): Promise<CheckedFile> {
  const report: FileReport = {
    file: display,
    kind: kind ?? kindFromName(path),
    format: null,
    sheet: null,
    encoding: null,
    headerRow: null,
    rows: null,
    unreadable: false,
  };
  const size = await stat(path).then(
    (s) => s.size,
    () => 0,
  );
  const ext = extname(path).toLowerCase();
  // A workbook takes about fifty times its size in memory when loaded whole.
  const limit = ctx.streamBytes ?? DEFAULT_STREAM_BYTES;
  const streamed = (ext === '.csv' && size > limit) || (ext === '.xlsx' && size > limit / 8);
  const choose = sheetChooser(report.kind as TableKind | null, sheet);
  if (streamed && (report.kind ?? 'recalls') === 'recalls') {
    return checkStreaming(path, display, ctx, report, hold, sheetChooser('recalls', sheet));
  }
  let table;
  try {
    table = await readTable(path, display, choose);
  } catch (e) {
    return unreadableFile(e, display, report);
  }
  Object.assign(report, { format: table.format, sheet: table.sheet, encoding: table.encoding });
  const found = report.kind ?? kindFromColumns(table);
  if (!found || found === 'issue' || found === 'article') {
    return {
      report,
      checked: null,
      issues: [
        ...readerNotices(table),
        fileError(display, 'input.kind.unknown', '无法判断这是哪一种表格：文件名和表头都对不上已知的表格。', KIND_HINT),
      ],
    };
  }
  report.kind = found;
  const checked = checkTable(found, table, ctx, hold);
  Object.assign(report, { headerRow: checked.headerRow, rows: checked.rows });
  return { report, checked, issues: [...readerNotices(table), ...checked.issues] };
}
