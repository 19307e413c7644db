// Writes the quarters before the seed so comparisons are real:
//   data/2022Q1, data/2022Q2 (raw data), data/archive/2021Q2, data/archive/2021Q4 (archived
//   stats.json only, as when a quarter's raw data is gone).
// National H1 2022 figures are the seed's year-to-date minus its third quarter (278 recalls,
// 709618 件 = 70.96万); Hunan's first half is 26 recalls and 151995 件 (前三季度 34 / 570443
// minus the third quarter). Everything finer (records, the Q1/Q2 split, 2021) is invented
// sample data, consistent with the seed's interview: 2021 H1 214 recalls, 514万 件; 2021
// 549 recalls, 723万 件. Run after `npm run build`: node scripts/make-history.mjs
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const parse = (path) =>
  readFileSync(path, 'utf8')
    .trim()
    .split(/\r?\n/)
    .map((l) => l.split(','));
const write = (path, rows) => writeFileSync(path, `${rows.map((r) => r.join(',')).join('\r\n')}\r\n`);
const seedCats = parse('data/2022Q3/national-categories.csv')
  .slice(1, 11)
  .map((r) => ({ name: r[0], code: r[1], cum: [+r[2], +r[3]], ytd: [+r[4], +r[5]], q: [+r[6], +r[7]] }));
const seedProvs = parse('data/2022Q3/national-provinces.csv')
  .slice(1)
  .filter((r) => r[1] !== '总计')
  .map((r) => ({ name: r[1], ytd: [+r[2], +r[3]], q: [r[4] === '' ? 0 : +r[4], r[5] === '' ? 0 : +r[5]] }));

const minus = (a, b) => [a[0] - b[0], a[1] - b[1]];
/** Deterministic share of a pair for Q1 (about 45%), never more than the pair itself. */
const firstPart = (p, i) => {
  const n = Math.floor((p[0] * (40 + (i % 3) * 5)) / 100);
  return [n, n === 0 ? 0 : n === p[0] ? p[1] : Math.floor((p[1] * (38 + (i % 4) * 4)) / 100)];
};
const CAT_HEADER = [
  '产品类别',
  '代码',
  '累计召回次数',
  '累计召回数量',
  '本年召回次数',
  '本年召回数量',
  '本季度召回次数',
  '本季度召回数量',
];
const PROV_HEADER = ['序号', '省份', '本年召回次数', '本年召回数量', '本季度召回次数', '本季度召回数量'];

function national(dir, quarterOf) {
  write(join(dir, 'national-categories.csv'), [
    CAT_HEADER,
    ...seedCats.map((c, i) => {
      const f = quarterOf(c, i);
      return [c.name, c.code, ...f.cum, ...f.ytd, ...f.q];
    }),
  ]);
  // 序号 as the national tables number them: by 本年 quantity, then recalls (checked as reconcile.national.rank).
  const provs = seedProvs
    .map((p, i) => ({ name: p.name, ...quarterOf(p, i) }))
    .filter((p) => p.ytd[0] > 0)
    .sort((a, b) => b.ytd[1] - a.ytd[1] || b.ytd[0] - a.ytd[0]);
  write(join(dir, 'national-provinces.csv'), [
    PROV_HEADER,
    ...provs.map((p, i) => [i + 1, p.name, ...p.ytd, ...(p.q[0] ? p.q : ['', ''])]),
  ]);
}

const h1 = (x) => minus(x.ytd, x.q);
// The province split of Q1 must total what the category split does, or the
// tables would disagree; the difference goes to the largest other province.
const sum = (xs) => xs.reduce((a, x) => [a[0] + x[0], a[1] + x[1]], [0, 0]);
const rawQ1 = (x, i) => firstPart(h1(x), i);
const catQ1 = sum(seedCats.map(rawQ1));
const provQ1 = sum(seedProvs.map(rawQ1));
const balance = seedProvs.findIndex((p) => p.name === '安徽省');
const q1 = (x, i) => (x === seedProvs[balance] ? minus(rawQ1(x, i), minus(provQ1, catQ1)) : rawQ1(x, i));
const figuresQ2 = (x, i) => ({ cum: x.cum ? minus(x.cum, x.q) : undefined, ytd: h1(x), q: minus(h1(x), q1(x, i)) });
const figuresQ1 = (x, i) => ({
  cum: x.cum ? minus(minus(x.cum, x.q), minus(h1(x), q1(x, i))) : undefined,
  ytd: q1(x, i),
  q: q1(x, i),
});

const REC_HEADER = [
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
const REGIONS = ['长沙', '株洲', '湘潭', '衡阳', '邵阳', '岳阳', '常德', '益阳', '郴州', '永州', '娄底'];
const PRODUCTS = [
  ['01', '电取暖器'],
  ['02', '儿童玩具'],
  ['06', '儿童外套'],
  ['07', '一次性纸杯'],
  ['08', '学生作业本'],
  ['04', '一次性口罩'],
  ['09', '安全帽'],
];
/** `count` records in the quarter starting `month`, quantities summing to `total`. */
function records(dir, month, count, total) {
  const rows = [REC_HEADER];
  let left = total;
  for (let i = 0; i < count; i++) {
    const [cat, product] = PRODUCTS[i % PRODUCTS.length];
    const qty = i === count - 1 ? left : Math.max(1, Math.floor(total / count) + ((i * 7919) % 1000) - 500);
    left -= qty;
    const date = `2022-${String(month + (i % 3)).padStart(2, '0')}-${String(3 + ((i * 5) % 25)).padStart(2, '0')}`;
    rows.push([
      date,
      `${REGIONS[i % REGIONS.length]}市样例企业${i + 1}有限公司`,
      product,
      `M-${month}${i}`,
      cat,
      REGIONS[i % REGIONS.length],
      i % 4 === 1 ? '电气安全' : '机械物理',
      qty,
      '样例数据：缺陷描述',
      '否',
    ]);
  }
  write(join(dir, 'recalls.csv'), rows);
}

const hunan = seedProvs.findIndex((p) => p.name === '湖南省');
for (const [q, month, fig, number] of [
  ['2022Q1', 1, figuresQ1, 1],
  ['2022Q2', 4, figuresQ2, 2],
]) {
  const dir = join('data', q);
  mkdirSync(dir, { recursive: true });
  const own = fig(seedProvs[hunan], hunan).q;
  records(dir, month, own[0], own[1]);
  national(dir, fig);
  writeFileSync(join(dir, 'issue.json'), `${JSON.stringify({ number, totalNumber: number }, null, 2)}\n`);
}

/** Archived quarters: built from throwaway data folders, only stats.json kept. */
function archive(q, own, ytd, natQuarter, natYtd) {
  const tmp = mkdtempSync(join(tmpdir(), 'history-'));
  const dir = join(tmp, 'data', q);
  mkdirSync(dir, { recursive: true });
  const month = (+q.slice(-1) - 1) * 3 + 1;
  records(dir, month, own[0], own[1]);
  writeFileSync(
    join(dir, 'recalls.csv'),
    readFileSync(join(dir, 'recalls.csv'), 'utf8').replaceAll('2022-', `${q.slice(0, 4)}-`),
  );
  const cats = seedCats.map((c, i) => ({
    ...c,
    cum: [natYtd[0], natYtd[1]].map((v, k) => (i === 0 ? v : 0)),
    ytd: i === 0 ? natYtd : [0, 0],
    q: i === 0 ? natQuarter : [0, 0],
  }));
  write(join(dir, 'national-categories.csv'), [
    CAT_HEADER,
    ...cats.map((c) => [c.name, c.code, ...c.cum, ...c.ytd, ...c.q]),
  ]);
  write(join(dir, 'national-provinces.csv'), [
    PROV_HEADER,
    [1, '广东省', natYtd[0] - ytd[0], natYtd[1] - ytd[1], natQuarter[0] - own[0], natQuarter[1] - own[1]],
    [2, '湖南省', ...ytd, ...own],
  ]);
  writeFileSync(join(dir, 'issue.json'), '{}\n');
  execFileSync(process.execPath, [
    'bin/bulletin.js',
    'build',
    '--quarter',
    q,
    '--data',
    join(tmp, 'data'),
    '--out',
    join(tmp, 'out'),
    '--format',
    'html',
    '--quiet',
  ]);
  mkdirSync(join('data', 'archive', q), { recursive: true });
  cpSync(join(tmp, 'out', q, 'stats.json'), join('data', 'archive', q, 'stats.json'));
  rmSync(tmp, { recursive: true, force: true });
}
// 2021 H1: 214 recalls, 5140000 件 nationally; 2021 full year: 549, 7230000. Hunan's centre opened in June 2021.
archive('2021Q2', [1, 2000], [1, 2000], [120, 2900000], [214, 5140000]);
archive('2021Q4', [4, 120000], [7, 190000], [170, 1200000], [549, 7230000]);
console.log('wrote data/2022Q1, data/2022Q2, data/archive/2021Q2, data/archive/2021Q4');
