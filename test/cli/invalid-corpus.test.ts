import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import type { CliIo } from '../../src/cli/io.js';
import { ROOT } from '../helpers/cli.js';

const DIR = join(ROOT, 'fixtures', 'invalid');

interface Expected {
  severity: 'error' | 'warning';
  code: string;
  row: number | null;
  column: string | null;
  message: string;
}

/** fixtures/invalid: one fault per file, with the exit code and the first finding it must give. */
const CORPUS: Array<[string, number, Expected | null]> = [
  [
    '100000-columns.csv',
    0,
    {
      severity: 'warning',
      code: 'structure.column.unknown',
      row: 1,
      column: 'K',
      message: '不认识的列“列1”，该列内容不会被使用。',
    },
  ],
  [
    'article-no-front-matter.md',
    1,
    {
      severity: 'error',
      code: 'article.front-matter',
      row: 1,
      column: null,
      message: '文章开头的信息块（front matter）无法读取：文件不是以 --- 开头。',
    },
  ],
  [
    'article-unknown-section.md',
    1,
    { severity: 'error', code: 'article.section.unknown', row: null, column: null, message: '栏目“工作动态”不存在。' },
  ],
  [
    'article-yaml-alias.md',
    1,
    {
      severity: 'error',
      code: 'article.front-matter',
      row: null,
      column: null,
      message:
        '文章开头的信息块（front matter）无法读取：含有以 & 或 * 开头的引用，本工具不支持（内容本身以 & 或 * 开头时请用引号括起来）。',
    },
  ],
  [
    'binary-data.csv',
    3,
    {
      severity: 'error',
      code: 'input.csv.binary',
      row: null,
      column: null,
      message: '文件内容不是文本（含有二进制数据），不是 CSV。',
    },
  ],
  [
    'category-conflict.csv',
    1,
    {
      severity: 'error',
      code: 'value.category.conflict',
      row: 2,
      column: 'E',
      message: '产品类别“01 文教体育用品”的代码和名称不一致（01 电子电器 与 08 文教体育用品）。',
    },
  ],
  [
    'category-unknown.csv',
    1,
    {
      severity: 'error',
      code: 'value.category.unknown',
      row: 2,
      column: 'E',
      message: '“文教体育用具”不是有效的产品类别。最接近的是“08 文教体育用品”。',
    },
  ],
  [
    'clues-negative-count.csv',
    1,
    {
      severity: 'error',
      code: 'value.number.invalid',
      row: 2,
      column: 'B',
      message: '共享缺陷线索报告信息“-5”不能是负数。',
    },
  ],
  [
    'clues-total-mismatch.csv',
    0,
    {
      severity: 'warning',
      code: 'total.mismatch',
      row: 4,
      column: 'C',
      message:
        '共享缺陷信息线索表的合计行写“共享缺陷线索报告信息”为 24，但各行相加为 25，相差 -1。公报将使用各行相加的 25。',
    },
  ],
  [
    'corrupt-entry.xlsx',
    3,
    {
      severity: 'error',
      code: 'input.xlsx.corrupt',
      row: null,
      column: null,
      message: '工作簿文件已损坏（压缩数据无法解开）。',
    },
  ],
  [
    'date-impossible.csv',
    1,
    {
      severity: 'error',
      code: 'value.date.unreadable',
      row: 2,
      column: 'A',
      message: '日期“2022-02-30”不存在（没有这一天）。',
    },
  ],
  [
    'date-outside-quarter.csv',
    1,
    {
      severity: 'error',
      code: 'value.date.outside-quarter',
      row: 2,
      column: 'A',
      message: '发布日期 2022-10-08 不在2022年第三季度内，不能计入本期。',
    },
  ],
  [
    'date-unreadable.csv',
    1,
    { severity: 'error', code: 'value.date.unreadable', row: 2, column: 'A', message: '无法识别的日期“八月中旬”。' },
  ],
  [
    'decompression-bomb.xlsx',
    3,
    {
      severity: 'error',
      code: 'input.xlsx.too-large',
      row: null,
      column: null,
      message: '工作簿解压后超过 300 MB 的上限，为避免耗尽内存而拒绝读取（可能是“压缩炸弹”）。',
    },
  ],
  [
    'defect-unknown.csv',
    1,
    {
      severity: 'error',
      code: 'value.defect.unknown',
      row: 2,
      column: 'G',
      message: '“外观”不是有效的缺陷类型。最接近的是“机械物理”。',
    },
  ],
  [
    'duplicate-columns.csv',
    1,
    {
      severity: 'error',
      code: 'structure.column.duplicate',
      row: 1,
      column: 'K',
      message: '“数量”与“召回数量”都表示召回数量，重复了。',
    },
  ],
  [
    'duplicate-recall.csv',
    1,
    {
      severity: 'error',
      code: 'value.record.duplicate',
      row: 3,
      column: null,
      message: '这一行与第 2 行是同一次召回（生产者、产品名称、型号和发布日期都相同），会被重复计数。',
    },
  ],
  [
    'empty.csv',
    3,
    { severity: 'error', code: 'input.file.empty', row: null, column: null, message: '文件是空的（0 字节）。' },
  ],
  [
    'empty.xlsx',
    3,
    { severity: 'error', code: 'input.file.empty', row: null, column: null, message: '文件是空的（0 字节）。' },
  ],
  [
    'extra-cells.csv',
    1,
    {
      severity: 'error',
      code: 'structure.row.extra-cells',
      row: 2,
      column: 'K',
      message: '这个单元格在表头范围之外（没有列名），内容无法归属到任何一列。',
    },
  ],
  [
    'formula-error.xlsx',
    1,
    {
      severity: 'error',
      code: 'value.cell.formula-error',
      row: 2,
      column: 'H',
      message: '单元格是公式错误 #DIV/0!，没有可用的值。',
    },
  ],
  [
    'header-only.csv',
    0,
    {
      severity: 'warning',
      code: 'structure.rows.none',
      row: 1,
      column: null,
      message: '表头下面没有任何召回记录，本季度将按“没有召回”统计。',
    },
  ],
  [
    'issue-not-json.json',
    1,
    {
      severity: 'error',
      code: 'meta.json',
      row: null,
      column: null,
      message: 'issue.json 不是有效的 JSON：第 1 行附近有语法错误。',
    },
  ],
  [
    'issue-number-text.json',
    1,
    {
      severity: 'error',
      code: 'meta.invalid',
      row: null,
      column: null,
      message: '“number”要写成正整数（如 3），不要加引号。',
    },
  ],
  [
    'legacy-xls.xlsx',
    3,
    {
      severity: 'error',
      code: 'input.xlsx.legacy',
      row: null,
      column: null,
      message: '这是旧版 Excel（.xls）或其他 Office 二进制文件，不是 .xlsx。',
    },
  ],
  [
    'mixed-encodings.csv',
    3,
    {
      severity: 'error',
      code: 'input.csv.mixed-encoding',
      row: null,
      column: null,
      message: '文件混用了两种文字编码（第 1 行是 UTF-8，第 2 行是 GBK 等其他编码）。',
    },
  ],
  [
    'national-provinces-unknown.csv',
    1,
    { severity: 'error', code: 'value.province.unknown', row: 3, column: 'B', message: '“火星省”不是省级行政区。' },
  ],
  [
    'not-a-workbook.xlsx',
    3,
    {
      severity: 'error',
      code: 'input.xlsx.not-workbook',
      row: null,
      column: null,
      message: '这是一个 zip 压缩包，但不是 Excel 工作簿（里面没有工作簿内容）。',
    },
  ],
  [
    'note-row.csv',
    0,
    {
      severity: 'warning',
      code: 'row.note',
      row: 3,
      column: 'A',
      message: '这一行只有第一格有内容，当作备注跳过，没有计入召回。',
    },
  ],
  [
    'password-protected.xlsx',
    3,
    {
      severity: 'error',
      code: 'input.xlsx.encrypted',
      row: null,
      column: null,
      message: '工作簿设置了打开密码（已加密），无法读取。',
    },
  ],
  [
    'quantity-approximate.csv',
    0,
    {
      severity: 'warning',
      code: 'value.quantity.approximate',
      row: 2,
      column: 'H',
      message: '召回数量“约150台”是约数，按 150 计入。',
    },
  ],
  [
    'quantity-fraction.csv',
    1,
    { severity: 'error', code: 'value.quantity.invalid', row: 2, column: 'H', message: '召回数量“150.5”必须是整数。' },
  ],
  [
    'quantity-negative.csv',
    1,
    { severity: 'error', code: 'value.quantity.invalid', row: 2, column: 'H', message: '召回数量“-150”不能是负数。' },
  ],
  [
    'quantity-text.csv',
    1,
    { severity: 'error', code: 'value.quantity.invalid', row: 2, column: 'H', message: '召回数量“一百五十”不是数字。' },
  ],
  [
    'random-bytes.xlsx',
    3,
    {
      severity: 'error',
      code: 'input.xlsx.not-zip',
      row: null,
      column: null,
      message: '文件内容不是 Excel 工作簿（.xlsx 实际是一种 zip 压缩包，而这个文件不是）。',
    },
  ],
  [
    'recalls-missing-columns.csv',
    1,
    {
      severity: 'error',
      code: 'structure.column.missing',
      row: 1,
      column: null,
      message:
        '缺少必需的列：市州、缺陷类型、召回数量。表头行（第 1 行）中找到的列：发布日期、生产者、产品名称、型号、产品类别。',
    },
  ],
  [
    'recalls-no-header.csv',
    1,
    {
      severity: 'error',
      code: 'structure.header.missing',
      row: 1,
      column: null,
      message:
        '找不到召回记录的表头行。前 30 行中没有一行包含足够的已知列名；第一行内容为：2022-08-15、湘潭华电电器有限公司、电取暖器、HD-2000、01、湘潭、电气安全、150、无接地措施、否。',
    },
  ],
  [
    'recalls.pdf',
    3,
    {
      severity: 'error',
      code: 'input.format.unsupported',
      row: null,
      column: null,
      message: '不支持的文件类型“.pdf”。',
    },
  ],
  [
    'region-other-province.csv',
    1,
    {
      severity: 'error',
      code: 'value.region.other-province',
      row: 2,
      column: 'F',
      message: '“广州市”属于广东省，不在湖南省。',
    },
  ],
  [
    'region-unknown.csv',
    1,
    {
      severity: 'error',
      code: 'value.region.unknown',
      row: 2,
      column: 'F',
      message: '“长沙县城”不是湖南省的市州。最接近的是“长沙”。',
    },
  ],
  [
    'required-missing.csv',
    1,
    {
      severity: 'error',
      code: 'value.required.missing',
      row: 2,
      column: 'B',
      message: '“生产者”是必填项，这一行是空的。',
    },
  ],
  [
    'short-row.csv',
    0,
    {
      severity: 'warning',
      code: 'structure.row.short',
      row: 2,
      column: 'J',
      message: '这一行只有 9 个单元格，表头有 10 列；缺少的列按空白处理。',
    },
  ],
  [
    'total-mismatch.csv',
    0,
    {
      severity: 'warning',
      code: 'total.mismatch',
      row: 4,
      column: 'H',
      message:
        '合计行写的召回数量是 257600，但第 2–3 行中有效记录之和是 257650，相差 -50。公报将使用各行相加的 257650。',
    },
  ],
  [
    'truncated.xlsx',
    3,
    {
      severity: 'error',
      code: 'input.xlsx.truncated',
      row: null,
      column: null,
      message: '工作簿文件不完整（文件末尾缺失，可能下载或复制时中断）。',
    },
  ],
  [
    'typical-flag-invalid.csv',
    1,
    { severity: 'error', code: 'value.flag.invalid', row: 2, column: 'J', message: '“也许”无法识别为是或否。' },
  ],
  [
    'typical-without-description.csv',
    1,
    {
      severity: 'error',
      code: 'value.typical.no-description',
      row: 2,
      column: 'I',
      message: '这条记录标为典型案例，但缺陷描述是空的，表2 无法填写。',
    },
  ],
  [
    'unbalanced-quotes.csv',
    3,
    {
      severity: 'error',
      code: 'input.csv.malformed',
      row: null,
      column: null,
      message: 'CSV 格式错误（第 3 行附近），无法读取（编码 UTF-8）。',
    },
  ],
  [
    'unknown-column.csv',
    0,
    {
      severity: 'warning',
      code: 'structure.column.unknown',
      row: 1,
      column: 'K',
      message: '不认识的列“备注”，该列内容不会被使用。',
    },
  ],
  [
    'unknown-kind.csv',
    1,
    {
      severity: 'error',
      code: 'input.kind.unknown',
      row: null,
      column: null,
      message: '无法判断这是哪一种表格：文件名和表头都对不上已知的表格。',
    },
  ],
  ['utf16-with-bom.csv', 0, null],
  [
    'very-long-cell.csv',
    1,
    {
      severity: 'error',
      code: 'value.cell.too-long',
      row: 2,
      column: 'I',
      message: '单元格有 40000 个字符，超过 Excel 单元格 32767 个字符的上限。',
    },
  ],
];

async function validate(file: string): Promise<{
  code: number;
  report: {
    ok: boolean;
    files: Array<{ file: string; rows: { read: number; accepted: number; rejected: number } | null }>;
    findings: Array<Expected & { file: string; hint: string }>;
  };
}> {
  let stdout = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: () => undefined,
    cwd: ROOT,
    env: { NO_COLOR: '1' },
    isTty: false,
  };
  const code = await runCli(['validate', join('fixtures', 'invalid', file), '--quarter', '2022Q3', '--json'], io);
  return { code, report: JSON.parse(stdout) };
}

describe('fixtures/invalid: every bad input gets its exact finding and exit code, never a crash', () => {
  it('has at least 40 fixtures, each listed here', () => {
    const files = readdirSync(DIR).sort();
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(files).toEqual(CORPUS.map(([f]) => f).sort());
  });

  it.each(CORPUS)('%s → exit %i', async (file, exit, expected) => {
    const { code, report } = await validate(file);
    expect(code).toBe(exit);
    if (expected === null) {
      expect(report.findings).toEqual([]);
    } else {
      expect(report.findings[0]).toMatchObject({ ...expected, file: `fixtures/invalid/${file}` });
      expect(report.findings[0]?.hint.length).toBeGreaterThan(5);
    }
    for (const f of report.files) if (f.rows) expect(f.rows.read).toBe(f.rows.accepted + f.rows.rejected);
  });
});
