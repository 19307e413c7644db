// Writes the bundled sample quarter (data/2022Q3/recalls.xlsx) and the same
// records as fixtures in CSV UTF-8, CSV GBK and XLSX. The figures decompose
// the seed issue (湖南缺陷产品召回 第3期) exactly; names the seed does not
// give are invented and marked as sample data in the README.
// Run: node scripts/make-sample.mjs
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { mkdirSync, writeFileSync } from 'node:fs';

const HEADERS = [
  '序号',
  '发布日期',
  '生产者',
  '品牌',
  '产品名称',
  '型号',
  '产品类别',
  '市州',
  '缺陷类型',
  '召回数量（件）',
  '单位',
  '生产日期',
  '缺陷描述',
  '典型案例',
];

const LIGHTER =
  '在制造过程中，由于原材料问题，造成V8型号打火机的抗高温和容积排量不符合GB25722-2010标准要求，打火机在使用过程中易发生爆裂，造成消费者受到伤害；由于机械设备故障，造成P8型号打火机的容积排量不符合GB25722-2010标准要求，消费者在使用过程中，存在危及人身安全、引发火灾风险。';
export const RECORDS = [
  [
    '2022-07-12',
    '株洲市启明文体用品有限公司',
    '启明',
    '学生用直尺套装',
    'QM-30',
    '08 文教体育用品',
    '株洲',
    '机械物理',
    23800,
    '套',
    '2022.01-2022.04',
    '直尺边缘毛刺未处理，存在划伤风险。',
    '否',
  ],
  [
    '2022-07-26',
    '湘潭市乐童玩具有限公司',
    '乐童',
    '电动玩具车',
    'LT-E2',
    '02',
    '湘潭市',
    '电气安全',
    3400,
    '台',
    '2021.11-2022.02',
    '电池仓防护不足，可能导致过热。',
    '否',
  ],
  [
    '2022-08-09',
    '湘潭华电电器有限公司',
    '华电',
    '电取暖器',
    'HD-2000',
    '电子电器',
    '430300',
    '电气安全',
    150,
    '台',
    '2021.10-2021.11',
    '电源软线导体电阻偏大，无接地措施。',
    '否',
  ],
  [
    '2022-08-18',
    '衡阳市洁美塑料制品有限公司',
    '洁美',
    '一次性塑料杯',
    '250ml',
    '07',
    '衡阳',
    '机械物理',
    63000,
    '只',
    '2022.03-2022.05',
    '负重性能不达标，盛装高温液体时易造成烫伤。',
    '否',
  ],
  [
    '2022-08-30',
    '益阳市童趣服饰有限公司',
    '童趣',
    '儿童外套',
    'TQ-110',
    '日用纺织品和服装',
    '益阳',
    '机械物理',
    98,
    '件',
    '2022.02',
    '帽绳过长，可能造成儿童绊倒或勒伤。',
    '否',
  ],
  [
    '2022-09-06',
    '湖南省豪牌电气有限公司',
    '豪牌',
    '“豪牌”V8、P8型号打火机',
    'V8、P8',
    '04',
    '邵阳',
    '机械物理',
    257500,
    '只',
    '2021.09-2021.12',
    LIGHTER,
    '是',
  ],
  [
    '2022-09-15',
    '长沙文灿鑫明文化用品有限公司',
    '湘墨',
    '湘墨牌精品作业本（作文本）',
    '作文本',
    '08',
    '长沙',
    '机械物理',
    70000,
    '本',
    '2019.04-2019.05',
    '由于生产的设备工艺问题导致部分产品骑马钉钉脚翘起，可能导致消费者在使用过程中产生划伤皮肤的安全隐患。',
    '是',
  ],
  [
    '2022-09-23',
    '邵东市智帆皮具有限公司',
    '智帆',
    '“智帆”牌8523#X型号休闲背包',
    '8523#X',
    '08',
    '邵阳市',
    '机械物理',
    500,
    '个',
    '2022.03',
    '由于原材料原因，产品在负重状态下使用，包体容易发生脱落或开裂，存在人身伤害风险',
    '是',
  ],
];

function isoToUtcDate(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

async function writeXlsx(path, { title }) {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(Date.UTC(2022, 9, 1));
  wb.modified = wb.created;
  const ws = wb.addWorksheet('召回记录');
  let r = 1;
  if (title) {
    ws.getCell(1, 1).value = title;
    ws.mergeCells(1, 1, 1, HEADERS.length);
    r = 3;
  }
  ws.getRow(r).values = HEADERS;
  RECORDS.forEach((rec, i) => {
    const row = ws.getRow(r + 1 + i);
    row.values = [i + 1, isoToUtcDate(rec[0]), ...rec.slice(1)];
    row.getCell(2).numFmt = 'yyyy-mm-dd';
  });
  const first = r + 1;
  const last = r + RECORDS.length;
  const total = ws.getRow(last + 1);
  total.getCell(1).value = '合计';
  total.getCell(10).value = { formula: `SUM(J${first}:J${last})`, result: RECORDS.reduce((a, x) => a + x[8], 0) };
  ws.views = [{ state: 'frozen', ySplit: r }];
  await wb.xlsx.writeFile(path);
}

function csvText() {
  const esc = (v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  const lines = [HEADERS, ...RECORDS.map((rec, i) => [i + 1, ...rec])].map((cells) => cells.map(esc).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

mkdirSync('data/2022Q3', { recursive: true });
mkdirSync('fixtures/sample-records', { recursive: true });
await writeXlsx('data/2022Q3/recalls.xlsx', { title: '2022年第三季度湖南省消费品召回记录（样例数据）' });
await writeXlsx('fixtures/sample-records/recalls.xlsx', { title: null });
writeFileSync('fixtures/sample-records/recalls-utf8.csv', csvText());
writeFileSync('fixtures/sample-records/recalls-gbk.csv', iconv.encode(csvText(), 'gbk'));
console.log('wrote data/2022Q3/recalls.xlsx and fixtures/sample-records/*');
