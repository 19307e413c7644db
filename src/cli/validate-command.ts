import { resolve } from 'node:path';
import { issueLocation } from '../model/issues.js';
import { parseQuarter, quarterId } from '../model/quarter.js';
import { BulletinError } from '../model/errors.js';
import { resolveOptions, type OptionFlags } from '../config/resolve-options.js';
import { kindTitle, TABLE_KINDS, type TableKind } from '../inputs/input-kinds.js';
import { validateInputs, type ValidateReport } from '../pipeline/validate-inputs.js';
import { EXIT } from './exit-codes.js';
import { paint, type CliIo } from './io.js';
import { columns } from './text-width.js';
import { toCsv } from './csv-output.js';
import { dataFailure } from './failure.js';
import { STDIN_NAME, withStdinFile } from './validate-stdin.js';

export interface ValidateFlags extends Pick<OptionFlags, 'data' | 'config'> {
  quarter?: string;
  json?: boolean;
  csv?: boolean;
  maxErrors?: string;
  sheet?: string;
  kind?: string;
  csvHeaders?: string;
  quiet?: boolean;
}

function kindName(kind: string | null): string {
  if (kind === 'issue') return '期刊信息';
  if (kind === 'article') return '文章';
  return kind && (TABLE_KINDS as readonly string[]).includes(kind) ? kindTitle(kind as TableKind) : '（未知）';
}

/** The readable report: files with their row counts, then findings grouped by file. */
export function formatReport(r: ValidateReport, io: CliIo): string {
  const c = paint(io);
  const out: string[] = [];
  out.push(
    columns(
      [
        ['文件', '类型', '读取行', '有效', '有误', '错误', '警告'],
        ...r.files.map((f) => [
          // Which sheet of a workbook was read, always (a hidden old sheet was once read in silence).
          f.sheet ? `${f.file}（工作表“${f.sheet}”）` : f.file,
          kindName(f.kind),
          String(f.rows?.read ?? '-'),
          String(f.rows?.accepted ?? '-'),
          String(f.rows?.rejected ?? '-'),
          String(f.errors),
          String(f.warnings),
        ]),
      ],
      [false, false, true, true, true, true, true],
    ),
  );
  for (const file of [...new Set(r.findings.map((f) => f.file))]) {
    out.push('', c(1, file));
    for (const i of r.findings.filter((f) => f.file === file)) {
      const label = i.severity === 'error' ? c(31, '错误') : c(33, '警告');
      // Grouped under the file's name, so the location starts at the sheet.
      const at = issueLocation(i, { file: false });
      out.push(`  ${label} ${at ? `${at}：` : ''}${i.message}`, `       ${c(2, `→ ${i.hint}  [${i.code}]`)}`);
    }
  }
  if (r.truncated) out.push('', `只显示了前面的错误（--max-errors）；共有 ${r.summary.errors} 个错误。`);
  const verdict = r.summary.errors ? c(31, `有 ${r.summary.errors} 个错误`) : c(32, '没有错误');
  out.push(
    '',
    `检查了 ${r.summary.files} 个文件、${r.summary.rows.read} 行数据：${verdict}，${r.summary.warnings} 个警告。${r.summary.errors ? '请按提示修改后重新检查。' : ''}`,
  );
  return `${out.join('\n')}\n`;
}

const CSV_FIELDS = [
  'severity',
  'code',
  'file',
  'sheet',
  'row',
  'column',
  'header',
  'value',
  'message',
  'hint',
] as const;

/** What staff see in Excel; `--csv-headers en` keeps the field names for scripts. */
const CSV_HEADERS_ZH = ['级别', '代码', '文件', '工作表', '行', '列', '列名', '单元格内容', '问题', '修改建议'];

/** The findings as a spreadsheet staff can sort and tick off. */
export function findingsCsv(r: ValidateReport, headers: 'zh' | 'en' = 'zh'): string {
  const zh = headers === 'zh';
  return toCsv(
    zh ? CSV_HEADERS_ZH : CSV_FIELDS,
    r.findings.map((f) =>
      CSV_FIELDS.map((k) => (zh && k === 'severity' ? (f.severity === 'error' ? '错误' : '警告') : f[k])),
    ),
  );
}

function csvHeaders(text: string | undefined): 'zh' | 'en' {
  if (text === undefined || text === 'zh' || text === 'en') return text ?? 'zh';
  throw new BulletinError(
    'usage.csv-headers',
    'usage',
    `--csv-headers 只能是 zh 或 en，收到“${text}”。`,
    '例如 --csv-headers en。',
  );
}

export async function runValidate(
  paths: string[],
  flags: ValidateFlags,
  io: CliIo,
  signal?: AbortSignal,
): Promise<number> {
  const quarter = flags.quarter ? parseQuarter(flags.quarter) : null;
  const maxErrors = flags.maxErrors === undefined ? undefined : Number(flags.maxErrors);
  if (maxErrors !== undefined && (!Number.isInteger(maxErrors) || maxErrors < 1)) {
    throw new BulletinError(
      'usage.max-errors',
      'usage',
      `--max-errors 需要一个正整数，收到“${flags.maxErrors}”。`,
      '例如 --max-errors 50。',
    );
  }
  if (paths.includes(STDIN_NAME) && paths.length > 1)
    throw new BulletinError(
      'usage.stdin.mixed',
      'usage',
      '“-”（标准输入）只能单独使用，不能和其他文件一起检查。',
      '请分两次运行 bulletin validate。',
    );
  if (paths.length === 0 && !quarter)
    throw new BulletinError(
      'usage.validate.nothing',
      'usage',
      '没有指定要检查的内容。',
      '用法：bulletin validate data/2022Q3，或 bulletin validate 文件…，或 bulletin validate --quarter 2022Q3。',
    );
  const headers = csvHeaders(flags.csvHeaders);
  const { config, dataDir, outDir, streamBytes, tempDir } = await resolveOptions(flags, io.env, io.cwd);
  const targets = paths.length ? paths : [resolve(dataDir, quarterId(quarter!))];
  const options = { quarter, config, sheet: flags.sheet, maxErrors, streamBytes, outDir };
  const report = paths.includes(STDIN_NAME)
    ? await withStdinFile(io, { kind: flags.kind, tempDir, signal }, (dir, name) =>
        validateInputs({ ...options, paths: [name], cwd: dir }),
      )
    : await validateInputs({ ...options, paths: targets, cwd: io.cwd });
  const code = report.unreadable ? EXIT.unreadableInput : report.ok ? EXIT.ok : EXIT.invalidData;
  const error = code === EXIT.ok ? undefined : dataFailure(report.summary, report.unreadable);
  if (flags.json) io.stdout(`${JSON.stringify({ ...report, error }, null, 2)}\n`);
  else if (flags.csv) io.stdout(findingsCsv(report, headers));
  // The readable report goes to stderr with --json/--csv too (CI logs show it), unless --quiet.
  if (!((flags.json || flags.csv) && flags.quiet)) io.stderr(formatReport(report, io));
  return code;
}
