// Seeded synthetic inputs for the benchmark: recall CSVs, an XLSX, and quarters to batch-build.
import ExcelJS from 'exceljs';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const REGIONS = [
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
  '湘西州',
];
const DEFECTS = ['机械物理', '电气安全', '化学', '燃烧', '标识', '其他'];
export const HEADER = [
  '发布日期',
  '生产者',
  '品牌',
  '产品名称',
  '型号',
  '产品类别',
  '市州',
  '缺陷类型',
  '召回数量',
  '缺陷描述',
  '典型案例',
];

function prng(seed) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** Row i of quarter (year, q): always valid, deterministic. */
export function row(i, rnd, year = 2022, q = 3) {
  const month = (q - 1) * 3 + 1 + Math.floor(rnd() * 3);
  const day = 1 + Math.floor(rnd() * 28);
  return [
    `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    `湖南某某制造有限公司${i}`,
    `品牌${i % 97}`,
    `产品名称${i}`,
    `型号-${i}`,
    String(1 + (i % 10)).padStart(2, '0'),
    REGIONS[i % 14],
    DEFECTS[i % 6],
    1 + Math.floor(rnd() * 100_000),
    '产品存在缺陷，可能造成伤害，请停止使用',
    '否',
  ];
}

const csvLine = (r) => r.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : c)).join(',');

export async function writeCsv(path, rows, seed = 1) {
  const rnd = prng(seed);
  const out = createWriteStream(path);
  out.write(`${HEADER.join(',')}\n`);
  let buf = '';
  for (let i = 0; i < rows; i++) {
    buf += `${csvLine(row(i, rnd))}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((r) => out.once('drain', r));
      buf = '';
    }
  }
  await new Promise((r) => out.end(buf, r));
}

export async function writeXlsx(path, rows, seed = 2) {
  const rnd = prng(seed);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('召回记录');
  ws.addRow(HEADER).commit();
  for (let i = 0; i < rows; i++) ws.addRow(row(i, rnd)).commit();
  await ws.commit();
  await wb.commit();
}

/** A data folder with `quarters` consecutive quarters ending 2022Q4, small and valid. */
export function writeQuarters(dir, quarters, rowsEach = 30) {
  const list = [];
  for (let k = quarters - 1; k >= 0; k--) {
    const n = 2022 * 4 + 3 - k;
    list.push([Math.floor(n / 4), (n % 4) + 1]);
  }
  for (const [year, q] of list) {
    const qdir = join(dir, `${year}Q${q}`);
    mkdirSync(qdir, { recursive: true });
    const rnd = prng(year * 10 + q);
    writeFileSync(
      join(qdir, 'recalls.csv'),
      `${[HEADER.join(','), ...Array.from({ length: rowsEach }, (_, i) => csvLine(row(i, rnd, year, q)))].join('\n')}\n`,
    );
  }
  return list.map(([y, q]) => `${y}Q${q}`);
}
