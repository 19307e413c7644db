import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvBatches } from '../helpers/csv-batches.js';
import { rowFeeder } from '../../src/ingest/csv-stream.js';
import { talliedChecker } from '../../src/inputs/tallied-checker.js';
import type { Province, ReferenceData } from '../../src/model/reference.js';
import { HEADER_SEARCH_ROWS } from '../../src/validate/header-map.js';
import { plainFeeder } from '../../src/validate/plain-rows.js';
import { hunan } from '../helpers/reference.js';
import { Q3 } from '../helpers/sample.js';
import { DEFECTS, RECORD_HEADER, REGIONS } from '../helpers/synthetic-records.js';

// Rows checked in place (plain-rows.ts) against the same rows checked in full (RecordsChecker.push):
// every finding, count, total and tally must be the same, for usual and odd cells alike.

const source = { file: 'recalls.csv', sheet: null, format: 'csv' as const, encoding: null };
let ctx: { ref: ReferenceData; home: Province; quarter: typeof Q3; maxQuantity: number };
beforeAll(async () => {
  ctx = { ...(await hunan()), quarter: Q3, maxQuantity: 5_000_000 };
});

/** Usual values most of the time, and the odd ones each field's full check tells apart. */
const cellOf = (usual: fc.Arbitrary<string>, odd: string[]) =>
  fc.oneof(
    { arbitrary: usual, weight: 40 },
    { arbitrary: fc.constantFrom(...odd), weight: 1 },
    { arbitrary: fc.string({ maxLength: 6 }), weight: 1 },
  );
const day = fc.integer({ min: 1, max: 30 }).map((d) => `2022-0${7 + (d % 3)}-${String(d).padStart(2, '0')}`);
const COLUMNS = [
  cellOf(day, [
    '2022-12-01',
    '2022-02-30',
    '2022-09-31',
    '2022/8/15',
    '2022-8-5',
    '２０２２-０８-１５',
    ' 2022-08-15',
    '2022-08-15 ',
    '',
    '44788',
    '2022-08-1５',
    '0000-08-15',
    '2022-08-15 10:00',
    '2022-0a-15',
    '20220815',
  ]),
  cellOf(fc.constantFrom('甲公司', '乙厂', 'ABC电器', 'abc电器'), [
    '',
    ' ',
    'ABC 电器',
    'ＡＢＣ电器',
    '【待填写】厂',
    '（示例）厂',
    ' 甲公司',
    '甲公司\t',
    '"引号"厂',
    '合计',
  ]),
  cellOf(fc.constantFrom('玩具', '台灯', 'P1'), ['', ' 玩具', 'p1', 'Ｐ1', '玩 具', '小计']),
  cellOf(fc.constantFrom('', 'M1', 'M2'), [' m1 ', 'Ｍ1', 'm1', ' ', '"']),
  cellOf(
    fc.integer({ min: 1, max: 10 }).map((c) => String(c).padStart(2, '0')),
    ['11', '1', ' 03', '03 ', '', 'x', '儿童用品', '01 儿童用品', '01家电', '１０'],
  ),
  cellOf(fc.constantFrom(...REGIONS), [
    '浏阳',
    '浏阳市',
    '大庸',
    '广州',
    '长沙市',
    '430100',
    ' 长沙',
    '',
    '湖南省长沙市',
    '长 沙',
  ]),
  cellOf(fc.constantFrom(...DEFECTS), ['机械物理类', '电气安全问题', '', 'x', ' 化学', '燃烧\r']),
  cellOf(fc.integer({ min: 0, max: 99_999 }).map(String), [
    '0',
    '007',
    '123456789012345',
    '1234567890123456',
    '5000000',
    '5000001',
    '1,000',
    '１２',
    ' 12',
    '12 ',
    '-1',
    '约3',
    '',
    '12件',
    '1e3',
    '12.0',
    '2.5万',
  ]),
  cellOf(fc.constantFrom('描述', ''), ['合计', '小计：', '总计', '共计', 'a"b', '\u3000', 'x'.repeat(40)]),
  cellOf(fc.constantFrom('否', ''), ['是', 'no', 'N', ' 否', '否\r', 'x', '典型', '0', 'false', '否 ']),
];

/** One CSV line: ten cells, sometimes one short, one over, or blank; cells quoted when they must be, or by choice. */
const line = fc
  .tuple(
    fc.tuple(...COLUMNS),
    fc.constantFrom('ten', 'ten', 'ten', 'ten', 'ten', 'ten', 'ten', 'ten', 'short', 'extra', 'blank', 'total'),
    fc.integer({ min: 0, max: 9 }).map((k) => k === 0),
  )
  .map(([cells, shape, quoteAll]) => {
    let cs: string[] = [...cells];
    if (shape === 'short') cs = cs.slice(0, 7);
    if (shape === 'extra') cs.push('多');
    if (shape === 'blank') cs = cs.map(() => '');
    if (shape === 'total') cs[0] = '合计';
    return cs.map((c) => (quoteAll || /[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
  });

/** The file checked both ways: the full check of every row, and rows checked in place where they can be. */
function bothWays(text: string, size: number, opts = { keepRecords: false, tally: true, maxIssues: 50 }) {
  const full = talliedChecker(source, ctx, opts);
  const plain = talliedChecker(source, ctx, opts);
  let pushed = 0;
  const push = plain.checker.push.bind(plain.checker);
  plain.checker.push = (r) => {
    pushed++;
    push(r);
  };
  const fullFeed = rowFeeder((r) => full.checker.push(r));
  const plainFeed = plainFeeder(plain.checker);
  for (const b of csvBatches(text, size)) fullFeed(b);
  for (const b of csvBatches(text, size)) plainFeed(b);
  return { want: full.finish(), got: plain.finish(), pushed };
}

describe('rows checked in place', () => {
  it('give the same findings, counts, totals and tallies as the full check, for any file', () => {
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 150, size: 'max' }),
        fc.constantFrom('\n', '\r\n'),
        fc.integer({ min: 30, max: 2000 }),
        (lines, eol, size) => {
          const text = `${RECORD_HEADER}${eol}${lines.join(eol)}${eol}`;
          const { want, got } = bothWays(text, size);
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('take the usual row in place, and every row of a file with a column missing the full way', () => {
    const usual = (i: number) =>
      `2022-08-${String(1 + (i % 28)).padStart(2, '0')},甲公司${i},产品${i},M${i},0${1 + (i % 9)},${REGIONS[i % 14]},${DEFECTS[i % 6]},${i},描述,否`;
    const rows = Array.from({ length: 500 }, (_, i) => usual(i));
    const text = `${RECORD_HEADER}\n${rows.join('\n')}\n${usual(3)}\n`;
    const { want, got, pushed } = bothWays(text, 4096);
    expect(got).toEqual(want);
    expect(got.rows.accepted).toBe(500);
    expect(got.issues.map((i) => i.code)).toEqual(['value.record.duplicate']);
    // The first 30 lines (the header is looked for among them), then the duplicate: the rest in place.
    expect(pushed).toBe(HEADER_SEARCH_ROWS + 1);
    const noRegion = text.replace('市州', '备注');
    const without = bothWays(noRegion, 4096);
    expect(without.got).toEqual(without.want);
    expect(without.pushed).toBe(502);
  });
});
