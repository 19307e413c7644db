import { existsSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import type { CliIo } from '../../src/cli/io.js';
import { ROOT, sampleProject } from '../helpers/cli.js';

const DIR = join(ROOT, 'fixtures', 'invalid');

/** The sample project with the fixtures beside its data, so findings name them as fixtures/invalid/<file>. */
function project(): string {
  const dir = sampleProject();
  if (!existsSync(join(dir, 'fixtures'))) symlinkSync(join(ROOT, 'fixtures'), join(dir, 'fixtures'));
  return dir;
}

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
      message: '“外观”不是有效的缺陷类型。',
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
    1,
    { severity: 'error', code: 'structure.rows.none', row: 1, column: null, message: '表头下面没有任何召回记录。' },
  ],
  [
    'clues-header-only.csv',
    1,
    {
      severity: 'error',
      code: 'structure.rows.none',
      row: 1,
      column: null,
      message: '共享缺陷信息线索表的表头下面没有数据行。',
    },
  ],
  [
    'national-provinces-unfilled.csv',
    1,
    {
      severity: 'error',
      code: 'table.unfilled',
      row: 2,
      column: 'B',
      message:
        '全国各省汇总表还没有填写：3 行都没有任何数字（本年召回次数、本年召回数量、本季度召回次数、本季度召回数量）。',
    },
  ],
  [
    'national-provinces-row-unfilled.csv',
    1,
    {
      severity: 'error',
      code: 'value.required.missing',
      row: 3,
      column: 'B',
      message: '第 3 行（河北省）没有填写任何数字。空白不会按 0 计算。',
    },
  ],
  [
    'placeholder-example-row.csv',
    1,
    {
      severity: 'error',
      code: 'content.placeholder',
      row: 2,
      column: 'B',
      message: '这是 bulletin init 写入的示例行（带有“【待填写】”），还没有删除或替换。',
    },
  ],
  [
    'placeholder-article.md',
    1,
    {
      severity: 'error',
      code: 'content.placeholder',
      row: 3,
      column: null,
      message: '还没有填写，这一行仍是 bulletin init 写入的占位内容：title: 【待填写】标题',
    },
  ],
  [
    'placeholder-issue.json',
    1,
    {
      severity: 'error',
      code: 'content.placeholder',
      row: 4,
      column: null,
      message:
        '还没有填写，这一行仍是 bulletin init 写入的占位内容："publicationDate": "【待填写】出版日期，如 2022-09-30"',
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
      message: 'CSV 格式错误（第 2 行附近），无法读取（编码 UTF-8）。',
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
  // Silent miscounts (issue 11).
  [
    'region-county-city.csv',
    0,
    {
      severity: 'warning',
      code: 'value.region.alias',
      row: 2,
      column: 'F',
      message: '“浏阳市”是长沙市的县级市，按长沙计入。',
    },
  ],
  [
    'region-no-close-match.csv',
    1,
    {
      severity: 'error',
      code: 'value.region.unknown',
      row: 2,
      column: 'F',
      message: '“大庸县”不是湖南省的市州。它看起来是区县名，而这一栏要填它所属的市州。',
    },
  ],
  [
    'binary-as-utf16.csv',
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
    'formula-no-result.xlsx',
    1,
    {
      severity: 'error',
      code: 'value.cell.formula-no-result',
      row: 2,
      column: 'H',
      message: '单元格是公式，但文件中没有保存公式的计算结果，无法读出数值。',
    },
  ],
  [
    'header-on-hidden-sheet.xlsx',
    1,
    {
      severity: 'warning',
      code: 'input.xlsx.header-elsewhere',
      row: null,
      column: null,
      message: '工作表“说明”中找不到已知表格的表头，而工作表“召回记录”（隐藏）中有。',
    },
  ],
  [
    'hidden-first-sheet.xlsx',
    0,
    {
      severity: 'warning',
      code: 'input.xlsx.sheets.several',
      row: null,
      column: null,
      message: '工作簿中不止一个工作表有已知表格的表头：读取的是工作表“召回记录”，没有读取“旧数据”（隐藏）。',
    },
  ],
  ['issue-bom.json', 0, null],
  [
    'issue-gbk.json',
    1,
    {
      severity: 'error',
      code: 'meta.encoding',
      row: null,
      column: null,
      message: 'issue.json 文件不是 UTF-8 编码（看起来是 GBK/GB18030，即记事本的“ANSI”），中文会变成乱码。',
    },
  ],
  ['numbered-blank-rows.csv', 0, null],
  [
    'quantity-exponent.csv',
    1,
    {
      severity: 'error',
      code: 'value.quantity.invalid',
      row: 2,
      column: 'H',
      message: '召回数量“1e300”是科学计数法，不是准确的整数。',
    },
  ],
  [
    'quantity-grouping-lakh.csv',
    1,
    {
      severity: 'error',
      code: 'value.quantity.invalid',
      row: 2,
      column: 'H',
      message: '召回数量“1,50,000”的千位分隔不对（逗号或空格应每三位一个，如 257,500），无法确定是哪个数。',
    },
  ],
  [
    'quantity-grouping.csv',
    1,
    {
      severity: 'error',
      code: 'value.quantity.invalid',
      row: 2,
      column: 'H',
      message: '召回数量“23,80”的千位分隔不对（逗号或空格应每三位一个，如 257,500），无法确定是哪个数。',
    },
  ],
  [
    'quantity-grouping-spaces.csv',
    1,
    {
      severity: 'error',
      code: 'value.quantity.invalid',
      row: 2,
      column: 'H',
      message: '召回数量“12 34”的千位分隔不对（逗号或空格应每三位一个，如 257,500），无法确定是哪个数。',
    },
  ],
  [
    'quantity-header-wan.csv',
    1,
    {
      severity: 'error',
      code: 'structure.column.scaled-unit',
      row: 1,
      column: 'H',
      message:
        '列名“召回数量（万件）”的单位“万件”带有倍数，但这一列的数字会按原数计入（26 算作 26，而不是 26万件），公报上的召回数量会差很多倍。',
    },
  ],
  [
    'unit-scaled.csv',
    1,
    {
      severity: 'error',
      code: 'value.unit.scaled',
      row: 2,
      column: 'K',
      message: '单位“万只”带有倍数：召回数量会按 150 计入总数，表2 却印成“150万只”，两处不一致。',
    },
  ],
  [
    'quantity-merged.xlsx',
    1,
    {
      severity: 'error',
      code: 'value.quantity.merged',
      row: 2,
      column: 'H',
      message: expect.stringContaining('H2:H3 是合并单元格，跨第 2–3 行'),
    },
  ],
  [
    'quantity-scaled-format.xlsx',
    1,
    {
      severity: 'error',
      code: 'value.quantity.scaled-format',
      row: 2,
      column: 'H',
      message: expect.stringContaining('Excel 显示为“26万件”'),
    },
  ],
  [
    'quantity-implausible.csv',
    0,
    {
      severity: 'warning',
      code: 'value.quantity.implausible',
      row: 2,
      column: 'H',
      message: '召回数量 100000000000 超过了 100000000 件，一次召回很少有这么多，请确认没有多打数字。',
    },
  ],
  [
    'quantity-too-large.csv',
    1,
    {
      severity: 'error',
      code: 'value.quantity.too-large',
      row: 2,
      column: 'H',
      message: '召回数量“9007199254740993”太大，超出了能准确计算的范围（最大 9007199254740991），不可能是真实的数量。',
    },
  ],
  [
    'utf16le-no-bom.csv',
    0,
    {
      severity: 'warning',
      code: 'input.csv.utf16-no-bom',
      row: null,
      column: null,
      message:
        '文件看起来是没有 BOM 标记的 UTF-16 文本（不是二进制数据），已按 UTF-16 读取；请核对列出的内容没有乱码。',
    },
  ],
];

async function validate(file: string): Promise<{
  code: number;
  report: {
    ok: boolean;
    files: Array<{
      file: string;
      sheet: string | null;
      rows: { read: number; accepted: number; rejected: number; blank: number } | null;
    }>;
    findings: Array<Expected & { file: string; hint: string }>;
  };
}> {
  let stdout = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: () => undefined,
    cwd: project(),
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

describe('fixtures/invalid: what was read, not only what was said', () => {
  it('reads the visible sheet of a workbook whose first sheet is hidden old data', async () => {
    const { report } = await validate('hidden-first-sheet.xlsx');
    expect(report.files[0]).toMatchObject({ sheet: '召回记录', rows: { read: 1, accepted: 1 } });
  });

  it('counts rows numbered only in 序号 as blank, not as rows with seven missing fields', async () => {
    const { report } = await validate('numbered-blank-rows.csv');
    expect(report.files[0]?.rows).toMatchObject({ read: 1, accepted: 1, rejected: 0, blank: 3 });
  });

  it('says in the human report which sheet of a workbook was read', async () => {
    let stderr = '';
    const io: CliIo = {
      stdout: () => undefined,
      stderr: (t) => void (stderr += t),
      cwd: project(),
      env: { NO_COLOR: '1' },
      isTty: false,
    };
    await runCli(['validate', join('fixtures', 'invalid', 'hidden-first-sheet.xlsx'), '--quarter', '2022Q3'], io);
    expect(stderr).toContain('fixtures/invalid/hidden-first-sheet.xlsx（工作表“召回记录”）');
    expect(stderr).toContain('没有读取“旧数据”（隐藏）');
  });
});
