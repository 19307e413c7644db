// A long issue for the print layout test (test/cli/print-layout.test.ts): the 2022Q2
// quarter of data/ with its recalls replaced by 400 generated ones, 30 of them typical
// cases (表2) with 40-character company names and long defect descriptions, and an
// article whose paragraphs would end with one character alone on a line.
// With --tall-rows instead: 60 recalls, 9 of them typical cases whose descriptions make
// each 表2 row about a fifth of the page (three rows then take about two-thirds of it).
// Usage: node scripts/make-long-issue.mjs DATA_DIR [--tall-rows]   (writes DATA_DIR/2022Q2/)
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const out = join(process.argv[2] ?? 'tmp-long-issue', '2022Q2');
const tall = process.argv.includes('--tall-rows');
const count = tall ? 60 : 400;
const cases = tall ? 9 : 30;
mkdirSync(out, { recursive: true });
for (const f of ['issue.json', 'national-categories.csv', 'national-provinces.csv'])
  cpSync(join('data', '2022Q2', f), join(out, f));

const regions = [
  '长沙',
  '株洲',
  '湘潭',
  '衡阳',
  '邵阳',
  '岳阳',
  '常德',
  '张家界',
  '益阳',
  '郴州',
  '永州',
  '怀化',
  '娄底',
  '湘西自治州',
];
const products = [
  '电取暖器',
  '儿童玩具',
  '折叠椅',
  '电热水壶',
  '儿童自行车',
  '羽绒服',
  '保温杯',
  '文具套装',
  '电钻',
  '台灯',
];
const units = ['件', '只', '台', '个', '套'];
const defects = ['机械物理', '电气安全', '化学', '其他'];
const header = '发布日期,生产者,产品名称,型号,产品类别,市州,缺陷类型,召回数量,缺陷描述,典型案例';
const rows = [];
const longText = (n) =>
  `CASE${n} 由于生产过程中原材料和零部件批次不一致，第${n}批产品的外壳结构强度不符合相关国家标准要求，在正常使用过程中可能发生断裂或脱落，存在造成使用者受伤的安全隐患；`.repeat(
    2,
  ) + `免费更换，联系电话0731-8531${n}5。`;
for (let i = 0; i < count; i++) {
  const typical = i % (tall ? 6 : 13) === 0 && rows.filter((r) => r.endsWith(',是')).length < cases;
  const n = String(i + 1).padStart(3, '0');
  // 40 characters: long enough to wrap in its column.
  const maker = `湖南省${regions[i % 14]}市第${n}号样例精密电子电器制造股份有限公司`.padEnd(38, '湘') + '分厂';
  const desc = !typical
    ? '样例数据：缺陷描述'
    : tall
      ? longText(n)
      : `由于生产过程中原材料和零部件批次不一致，第${n}批产品的外壳结构强度不符合相关国家标准要求，在正常使用过程中可能发生断裂或脱落，存在造成使用者受伤的安全隐患，联系电话0731-8531${n}5，邮箱recall${n}@example.com。`;
  const month = 4 + (i % 3);
  rows.push(
    [
      `2022-${String(month).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      maker,
      `${products[i % 10]}${n}型`,
      `M-${n}`,
      String(1 + (i % 10)).padStart(2, '0'),
      regions[i % 14],
      defects[i % 4],
      String(100 + ((i * 7919) % 250000)),
      desc,
      typical ? '是' : '否',
    ].join(','),
  );
}
writeFileSync(join(out, 'recalls.csv'), `${header}\n${rows.join('\n')}\n`);

// Hunan's row of the national province table follows the generated records, as a real table
// would: this quarter is their count and sum, and 本年 adds 2022Q1's (10 次, 57758 件). Left
// as copied (本年 26 次), the records' quarter above it is refused (contradiction.home.year).
const quantity = rows.reduce((a, r) => a + Number(r.split(',')[7]), 0);
const provinces = join(out, 'national-provinces.csv');
writeFileSync(
  provinces,
  readFileSync(provinces, 'utf8').replace(
    /^(\d+),湖南省,.*$/m,
    `$1,湖南省,${10 + rows.length},${57758 + quantity},${rows.length},${quantity}`,
  ),
);

if (tall) process.exit(0);

// Paragraphs one character longer than whole lines (12 pt on a 156 mm line: 36 characters,
// 34 on the first after its 2 em indent): set naively, each would end with one character
// alone on its last line, which the print must not do (src/render/line-ends.ts).
const han = (n) => '缺陷产品召回工作平稳推进'.repeat(20).slice(0, n);
const paragraphs = [34 + 1, 34 + 36 + 1, 34 + 2 * 36 + 1, 34 + 3 * 36 + 1].map((n, k) =>
  k % 2 ? `${han(n)}。` : han(n),
);
mkdirSync(join(out, 'articles'), { recursive: true });
writeFileSync(
  join(out, 'articles', '01-line-ends.md'),
  `---\nsection: 市县召回动态\ntitle: 样例段落末行检查\ndate: 2022-06-30\norder: 1\n---\n\n${paragraphs.join('\n\n')}\n`,
);
