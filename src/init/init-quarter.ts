/**
 * bulletin init: a new quarter's folder with blank workbooks staff fill in,
 * issue.json with the next issue number, and an article stub per section.
 */
import { readdir, stat, writeFile } from 'node:fs/promises';
import { makeFolders } from '../files/make-folders.js';
import { join } from 'node:path';
import { BulletinError } from '../model/errors.js';
import { deriveIssueNumbers, guessedFrom } from '../model/issue-numbering.js';
import { placeholder } from '../model/placeholder.js';
import { quarterEnd, quarterId, quarterStart, type Quarter } from '../model/quarter.js';
import type { Province, ReferenceData } from '../model/reference.js';
import { workbookBytes, type ColumnSpec, type SheetSpec } from '../ingest/xlsx-writer.js';
import { RECORD_FIELDS } from '../validate/record-columns.js';
import { REPORT_SECTION, type BulletinConfig } from '../config/config.js';
import { homeProvince } from '../inputs/load-quarter.js';
import { loadReference } from '../inputs/load-reference.js';
import { otherIssueNumbers } from '../inputs/load-issue-meta.js';

const WIDTH: Record<string, number> = {
  生产者: 28,
  产品名称: 26,
  缺陷描述: 40,
  生产日期: 16,
  产品类别: 20,
  发布日期: 12,
};

function recordsSheet(ref: ReferenceData, home: Province, q: Quarter): SheetSpec {
  const lists: Record<string, readonly string[]> = {
    category: ref.categories.map((c) => `${c.code} ${c.name}`),
    region: home.prefectures.map((p) => p.short),
    defectType: ref.defectTypes.map((d) => d.name),
    typical: ['是', '否'],
  };
  const columns: ColumnSpec[] = RECORD_FIELDS.map((f) => ({
    header: f.key === 'quantity' ? '召回数量（件）' : f.label,
    width: WIDTH[f.label] ?? 12,
    list: lists[f.key],
    date: f.key === 'announceDate',
    numFmt: f.key === 'quantity' ? '0' : undefined,
  }));
  const example: Record<string, unknown> = {
    seq: 1,
    announceDate: quarterStart(q),
    manufacturer: placeholder(`示例：${home.prefectures[0]?.short ?? ''}某某电器有限公司`),
    brand: '某某',
    product: '电暖器',
    model: 'XX-100',
    category: lists.category?.[0],
    region: home.prefectures[0]?.short,
    defectType: '电气安全',
    quantity: 1000,
    unit: '台',
    productionPeriod: '2021.10-2021.12',
    description: '电源线导体电阻超标，存在触电风险。',
    typical: '否',
  };
  return { name: '召回记录', columns, rows: [RECORD_FIELDS.map((f) => example[f.key] ?? '')] };
}

/** A summary table: `names` text columns, then figures (integer format), rows pre-filled with the names init knows. */
const blank = (name: string, headers: string[], rows: string[][] = [], names = 1): SheetSpec => ({
  name,
  columns: headers.map((h, i) => ({ header: h, width: i < names ? 24 : 16, numFmt: i >= names ? '0' : undefined })),
  rows,
});

function tables(ref: ReferenceData, home: Province, q: Quarter): Record<string, SheetSpec> {
  const cats = ref.categories.map((c) => [c.name, c.code]);
  return {
    'recalls.xlsx': recordsSheet(ref, home, q),
    'national-categories.xlsx': blank(
      '全国分类汇总',
      [
        '产品类别',
        '代码',
        '累计召回次数',
        '累计召回数量',
        '本年召回次数',
        '本年召回数量',
        '本季度召回次数',
        '本季度召回数量',
      ],
      cats,
      2,
    ),
    // Every provincial-level division, as the national tables print them, in GB/T 2260 order.
    'national-provinces.xlsx': blank(
      '全国各省汇总',
      ['省份', '本年召回次数', '本年召回数量', '本季度召回次数', '本季度召回数量'],
      [...ref.provinces].sort((a, b) => a.code.localeCompare(b.code)).map((p) => [p.name]),
    ),
    'foreign.xlsx': blank(
      '国外召回',
      ['国家地区', '召回次数', '召回数量', '中国产品召回次数', '中国产品召回数量'],
      [['美国'], ['欧盟'], ['日本'], ['澳大利亚']],
    ),
    'foreign-categories.xlsx': blank(
      '国外分类召回',
      ['产品类别', '召回次数', '召回数量'],
      cats.map((c) => [c[0] as string]),
    ),
    'clues.xlsx': blank(
      '共享缺陷线索',
      ['共享缺陷线索信息用户', '共享缺陷线索报告信息', '形成有效缺陷产品召回信息', '共享检验检测信息'],
      [[`${home.short}省局缺陷产品召回服务中心`], ...home.prefectures.map((p) => [`${p.name}市场监督管理局`])],
    ),
  };
}

const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

export async function initQuarter(opts: {
  dataDir: string;
  quarter: Quarter;
  config: BulletinConfig;
  force?: boolean;
}): Promise<string[]> {
  const ref = await loadReference();
  const home = homeProvince(ref, opts.config);
  const id = quarterId(opts.quarter);
  const dir = join(opts.dataDir, id);
  if ((await exists(dir)) && (await readdir(dir)).length > 0 && !opts.force) {
    throw new BulletinError(
      'usage.init.exists',
      'usage',
      `${dir} 已经存在且不是空的，没有改动任何文件。`,
      '如要重新生成空白表格（会覆盖同名文件），请加 --force。',
    );
  }
  const stated = [...(await otherIssueNumbers(opts.dataDir, id)), { quarter: id, number: null, totalNumber: null }];
  const numbers = deriveIssueNumbers(stated).find((n) => n.quarter === id)!;
  // Numbers that follow on from the quarter before are written; a guess is left for the editor to confirm.
  const guess = guessedFrom(stated, id);
  const number = guess ? placeholder(`期号（本年第几期），推算为 ${numbers.number}，请核对`) : numbers.number;
  const totalNumber = guess ? placeholder(`总期号，推算为 ${numbers.totalNumber}，请核对`) : numbers.totalNumber;
  await makeFolders(join(dir, 'articles', 'images'));
  const written: string[] = [];
  const put = async (name: string, data: string | Uint8Array) => {
    await writeFile(join(dir, name), data);
    written.push(join(dir, name));
  };
  for (const [name, sheet] of Object.entries(tables(ref, home, opts.quarter)))
    await put(name, await workbookBytes(sheet));
  await put(
    'issue.json',
    `${JSON.stringify({ number, totalNumber, publicationDate: placeholder(`出版日期，如 ${quarterEnd(opts.quarter)}`), notice: [] }, null, 2)}\n`,
  );
  let i = 0;
  for (const section of opts.config.sections.filter((s) => s !== REPORT_SECTION)) {
    i++;
    await put(
      join('articles', `${String(i).padStart(2, '0')}-article.md`),
      `---\nsection: ${section}\ntitle: ${placeholder('标题')}\norder: 1\n---\n\n${placeholder('正文。图片请放在 articles/images/ 文件夹中，写法见 README 的“文章”一节；不需要这篇文章可删除这个文件。')}\n`,
    );
  }
  return written;
}
