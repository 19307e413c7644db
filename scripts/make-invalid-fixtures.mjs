// Writes fixtures/invalid/: one fault per file, each asserted by
// test/cli/invalid-corpus.test.ts. Run: node scripts/make-invalid-fixtures.mjs
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';

const DIR = 'fixtures/invalid';
mkdirSync(DIR, { recursive: true });
const HEADER = [
  '发布日期',
  '生产者',
  '产品名称',
  '型号',
  '产品类别',
  '市州',
  '缺陷类型',
  '召回数量',
  '缺陷描述',
  '典型案例',
];
const ROW = [
  '2022-08-15',
  '湘潭华电电器有限公司',
  '电取暖器',
  'HD-2000',
  '01',
  '湘潭',
  '电气安全',
  '150',
  '无接地措施',
  '否',
];
const ROW2 = [
  '2022-09-06',
  '湖南省豪牌电气有限公司',
  '打火机',
  'V8',
  '04',
  '邵阳',
  '机械物理',
  '257500',
  '容积排量不符合标准',
  '否',
];
const esc = (v) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (rows) => rows.map((r) => r.map((c) => esc(String(c))).join(',')).join('\r\n') + '\r\n';
const write = (name, data) => writeFileSync(`${DIR}/${name}`, data);
const withRow = (over) => HEADER.map((h, i) => (h in over ? over[h] : ROW[i]));
const records = (...rows) => csv([HEADER, ...rows]);

// Unreadable files
write('empty.csv', '');
write('empty.xlsx', '');
write('random-bytes.xlsx', Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 256)));
const valid = readFileSync('fixtures/sample-records/recalls.xlsx');
write('truncated.xlsx', valid.subarray(0, Math.floor(valid.length / 2)));
const cfb = (extra) =>
  Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), extra]);
write('password-protected.xlsx', cfb(Buffer.from('EncryptedInfo\0EncryptedPackage', 'utf16le')));
write('legacy-xls.xlsx', cfb(Buffer.from('Workbook', 'utf16le')));

/** A zip with the given entries (deflated unless stored is asked). */
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data, corrupt } of entries) {
    const nameBuf = Buffer.from(name, 'utf8');
    let packed = deflateRawSync(data, { level: 9 });
    if (corrupt) packed = Buffer.from(packed.map((b, i) => (i > 2 ? b ^ 0xa5 : b)));
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, packed);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
write('not-a-workbook.xlsx', zip([{ name: 'readme.txt', data: Buffer.from('这不是工作簿') }]));
write(
  'decompression-bomb.xlsx',
  zip([
    { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
    { name: 'xl/workbook.xml', data: Buffer.alloc(400 * 1024 * 1024) },
  ]),
);
write(
  'corrupt-entry.xlsx',
  zip([
    { name: '[Content_Types].xml', data: Buffer.from('<Types/>'.repeat(200)), corrupt: true },
    { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
  ]),
);
write(
  'binary-data.csv',
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from('IHDR')]),
);
write('mixed-encodings.csv', Buffer.concat([Buffer.from(csv([HEADER]), 'utf8'), iconv.encode(csv([ROW]), 'gbk')]));
write(
  'unbalanced-quotes.csv',
  `${HEADER.join(',')}\r\n2022-08-15,"湘潭华电电器有限公司,电取暖器,HD-2000,01,湘潭,电气安全,150,无接地措施,否\r\n`,
);
write('recalls.pdf', '%PDF-1.7\n');

// Structure
write('recalls-no-header.csv', csv([ROW, ROW2]));
write('recalls-missing-columns.csv', csv([HEADER.slice(0, 5), ROW.slice(0, 5)]));
write(
  'duplicate-columns.csv',
  csv([
    [...HEADER, '数量'],
    [...ROW, '150'],
  ]),
);
write(
  'unknown-column.csv',
  csv([
    [...HEADER, '备注'],
    [...ROW, '已核实'],
  ]),
);
write('header-only.csv', csv([HEADER]));
write('extra-cells.csv', csv([HEADER, [...ROW, '多出来的内容']]));
write('short-row.csv', csv([HEADER, ROW.slice(0, 9)]));
write(
  '100000-columns.csv',
  csv([[...HEADER, ...Array.from({ length: 100_000 - HEADER.length }, (_, i) => `列${i + 1}`)], ROW]),
);
write('very-long-cell.csv', records(withRow({ 缺陷描述: '很长'.repeat(20_000) })));
write('utf16-with-bom.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(records(ROW), 'utf-16le')]));

// Values
write('category-unknown.csv', records(withRow({ 产品类别: '文教体育用具' })));
write('category-conflict.csv', records(withRow({ 产品类别: '01 文教体育用品' })));
write('region-other-province.csv', records(withRow({ 市州: '广州市' })));
write('region-unknown.csv', records(withRow({ 市州: '长沙县城' })));
write('region-county-city.csv', records(withRow({ 市州: '浏阳市' })));
write('region-no-close-match.csv', records(withRow({ 市州: '大庸县' })));
write('defect-unknown.csv', records(withRow({ 缺陷类型: '外观' })));
write('quantity-negative.csv', records(withRow({ 召回数量: '-150' })));
write('quantity-fraction.csv', records(withRow({ 召回数量: '150.5' })));
write('quantity-text.csv', records(withRow({ 召回数量: '一百五十' })));
write('quantity-approximate.csv', records(withRow({ 召回数量: '约150台' })));
write('date-unreadable.csv', records(withRow({ 发布日期: '八月中旬' })));
write('date-impossible.csv', records(withRow({ 发布日期: '2022-02-30' })));
write('date-outside-quarter.csv', records(withRow({ 发布日期: '2022年10月8日' })));
write('required-missing.csv', records(withRow({ 生产者: '' })));
write('typical-without-description.csv', records(withRow({ 典型案例: '是', 缺陷描述: '' })));
write('typical-flag-invalid.csv', records(withRow({ 典型案例: '也许' })));
write('duplicate-recall.csv', records(ROW, ROW));
write('total-mismatch.csv', records(ROW, ROW2, ['', '合计', '', '', '', '', '', '257600', '', '']));
write('note-row.csv', records(ROW, ['注：数据截至9月30日']));
write(
  'clues-total-mismatch.csv',
  csv([
    ['序号', '共享缺陷线索信息用户', '共享缺陷线索报告信息', '形成有效缺陷产品召回信息', '共享检验检测信息'],
    [1, '省局缺陷产品召回服务中心', 20, 5, 25],
    [2, '长沙市市场监督管理局', 5, 3, 0],
    ['', '总计', 24, 8, 25],
  ]),
);
write(
  'clues-negative-count.csv',
  csv([
    ['共享缺陷线索信息用户', '共享缺陷线索报告信息', '形成有效缺陷产品召回信息', '共享检验检测信息'],
    ['长沙市市场监督管理局', -5, 3, 0],
  ]),
);
write(
  'national-provinces-unknown.csv',
  csv([
    ['序号', '省份', '本年召回次数', '本年召回数量', '本季度召回次数', '本季度召回数量'],
    [1, '湖南省', 34, 570443, 8, 418448],
    [2, '火星省', 1, 10, 1, 10],
  ]),
);
write(
  'unknown-kind.csv',
  csv([
    ['姓名', '电话', '备注'],
    ['张三', '0731-1234567', '无'],
  ]),
);
write(
  'issue-number-text.json',
  JSON.stringify({ number: '三', totalNumber: 3, publicationDate: '2022-11-08' }, null, 2),
);
write('issue-not-json.json', '{ "number": 3, }');
write('article-no-front-matter.md', '省局召回中心开展调研。\n');
write('article-unknown-section.md', '---\nsection: 工作动态\ntitle: 调研\n---\n\n正文。\n');
write('article-yaml-alias.md', '---\nsection: 召回工作快讯\ntitle: &t 调研\ntoc: *t\n---\n\n正文。\n');

// Unfinished: stand-ins written by bulletin init, tables not filled in
write('placeholder-example-row.csv', records(withRow({ 生产者: '【待填写】示例：长沙某某电器有限公司' })));
write('placeholder-article.md', '---\nsection: 召回工作快讯\ntitle: 【待填写】标题\norder: 1\n---\n\n正文。\n');
write(
  'placeholder-issue.json',
  JSON.stringify({ number: 3, totalNumber: 3, publicationDate: '【待填写】出版日期，如 2022-09-30' }, null, 2),
);
const PROVINCES_HEADER = ['省份', '本年召回次数', '本年召回数量', '本季度召回次数', '本季度召回数量'];
write('national-provinces-unfilled.csv', csv([PROVINCES_HEADER, ['北京市'], ['天津市'], ['河北省']]));
write(
  'national-provinces-row-unfilled.csv',
  csv([PROVINCES_HEADER, ['湖南省', 34, 570443, 8, 418448], ['河北省', '', '', '', '']]),
);
write(
  'clues-header-only.csv',
  csv([['共享缺陷线索信息用户', '共享缺陷线索报告信息', '形成有效缺陷产品召回信息', '共享检验检测信息']]),
);

const wb = new ExcelJS.Workbook();
wb.created = wb.modified = new Date(Date.UTC(2022, 9, 1));
const ws = wb.addWorksheet('召回记录');
ws.addRow(HEADER);
ws.addRow(ROW.map((v, i) => (i === 7 ? { formula: '150/0', result: { error: '#DIV/0!' } } : v)));
await wb.xlsx.writeFile(`${DIR}/formula-error.xlsx`);
const scaled = new ExcelJS.Workbook();
scaled.created = scaled.modified = wb.created;
const scaledSheet = scaled.addWorksheet('召回记录');
scaledSheet.addRow(HEADER);
scaledSheet.addRow(withRow({ 召回数量: 26 }));
scaledSheet.getCell('H2').numFmt = '0"万件"';
await scaled.xlsx.writeFile(`${DIR}/quantity-scaled-format.xlsx`);
const merged = new ExcelJS.Workbook();
merged.created = merged.modified = wb.created;
const mergedSheet = merged.addWorksheet('召回记录');
mergedSheet.addRow(HEADER);
mergedSheet.addRow(withRow({ 召回数量: 500 }));
mergedSheet.addRow(withRow({ 生产者: '另一家企业', 召回数量: null }));
mergedSheet.mergeCells('H2:H3');
await merged.xlsx.writeFile(`${DIR}/quantity-merged.xlsx`);
// Silent miscounts (issue 11): each of these was accepted, or misreported, before.
const hidden = new ExcelJS.Workbook();
hidden.created = hidden.modified = new Date(Date.UTC(2022, 9, 1));
const old = hidden.addWorksheet('旧数据', { state: 'hidden' });
old.addRow(HEADER);
old.addRow(withRow({ 召回数量: '999999' }));
const current = hidden.addWorksheet('召回记录');
current.addRow(HEADER);
current.addRow(ROW);
await hidden.xlsx.writeFile(`${DIR}/hidden-first-sheet.xlsx`);

const elsewhere = new ExcelJS.Workbook();
elsewhere.created = elsewhere.modified = new Date(Date.UTC(2022, 9, 1));
elsewhere.addWorksheet('说明').addRow(['本表由各市州填报，截至9月30日']);
const only = elsewhere.addWorksheet('召回记录', { state: 'hidden' });
only.addRow(HEADER);
only.addRow(ROW);
await elsewhere.xlsx.writeFile(`${DIR}/header-on-hidden-sheet.xlsx`);

write('quantity-exponent.csv', records(withRow({ 召回数量: '1e300' })));
write('quantity-too-large.csv', records(withRow({ 召回数量: '9007199254740993' })));
write('quantity-implausible.csv', records(withRow({ 召回数量: '100000000000' })));
write('quantity-grouping.csv', records(withRow({ 召回数量: '23,80' })));
write('quantity-grouping-lakh.csv', records(withRow({ 召回数量: '1,50,000' })));
// Quantities off by a multiple (issue 12): spaces that group digits wrongly, a unit with a multiplier.
write('quantity-grouping-spaces.csv', records(withRow({ 召回数量: '12 34' })));
write('quantity-header-wan.csv', csv([HEADER.map((h) => (h === '召回数量' ? '召回数量（万件）' : h)), ROW]));
write(
  'unit-scaled.csv',
  csv([
    [...HEADER, '单位'],
    [...ROW, '万只'],
  ]),
);
// Zero bytes at even offsets only, like UTF-16BE ASCII, but the rest is no text.
write(
  'binary-as-utf16.csv',
  Buffer.from(Array.from({ length: 4096 }, (_, i) => (i % 2 === 0 ? 0 : (i * 7919 + 13) % 256))),
);
write('utf16le-no-bom.csv', iconv.encode(records(ROW), 'utf-16le'));
const meta = {
  number: 3,
  totalNumber: 3,
  publicationDate: '2022-11-08',
  notice: ['重要提示：', '本期公报数据截至9月30日。'],
};
write('issue-gbk.json', iconv.encode(JSON.stringify(meta, null, 2), 'gbk'));
write('issue-bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(meta, null, 2))]));
write('numbered-blank-rows.csv', csv([['序号', ...HEADER], [1, ...ROW], [2], [3], [4]]));

const noResult = new ExcelJS.Workbook();
noResult.created = noResult.modified = new Date(Date.UTC(2022, 9, 1));
const nr = noResult.addWorksheet('召回记录');
nr.addRow(HEADER);
nr.addRow(ROW.map((v, i) => (i === 7 ? { formula: 'SUM(100,50)' } : v)));
await noResult.xlsx.writeFile(`${DIR}/formula-no-result.xlsx`);
console.log('wrote fixtures/invalid/');
