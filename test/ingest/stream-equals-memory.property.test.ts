import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseQuarter } from '../../src/model/quarter.js';
import { checkTableFile } from '../../src/inputs/check-file.js';
import { tempDir } from '../helpers/cli.js';
import { rawXlsx, type RawCell, type RawSheet } from '../helpers/raw-xlsx.js';
import { hunan } from '../helpers/reference.js';

const HEADER = ['序号', '发布日期', '生产者', '产品名称', '型号', '产品类别', '市州', '缺陷类型', '召回数量'];

/** A cell written one of the ways a workbook can hold it. */
const text = (v: string): fc.Arbitrary<RawCell> => fc.constantFrom<RawCell>({ t: 'shared', v }, { t: 'inline', v });

const dateCell: fc.Arbitrary<RawCell | null> = fc.oneof(
  fc
    .integer({ min: 44743, max: 44834 })
    .chain((serial) =>
      fc.constantFrom<RawCell>(
        { t: 'number', v: serial, style: 1 },
        { t: 'number', v: serial, style: 2 },
        { t: 'number', v: serial, style: 3 },
        { t: 'number', v: serial },
      ),
    ),
  text('2022-08-15'),
  text('2022年9月6日'),
  fc.constant(null),
);

const valueCell = (values: string[]): fc.Arbitrary<RawCell | null> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...values).chain(text) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<RawCell>({ t: 'error', v: '#REF!', formula: 'Sheet9!A1' }, { t: 'error', v: '#N/A' }),
    },
    { weight: 1, arbitrary: fc.constant<RawCell>({ t: 'formula', formula: 'B2*2' }) },
    { weight: 1, arbitrary: fc.constant(null) },
  );

/** A row's hidden attribute: mostly none, else as Excel writes it, or as other writers may ('true', '0', 'false'). */
const hiddenRow = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.constant(true) },
  { weight: 1, arbitrary: fc.constantFrom<'true' | '0' | 'false'>('true', '0', 'false') },
);

/** A 合计 row (never counted, so never told as hidden). */
const totalRow = fc.constant<Array<RawCell | null>>([
  { t: 'shared', v: '合计' },
  null,
  null,
  null,
  null,
  null,
  null,
  null,
  { t: 'number', v: 12 },
]);

const quantityCell: fc.Arbitrary<RawCell | null> = fc.oneof(
  fc.integer({ min: 0, max: 300_000 }).map<RawCell>((v) => ({ t: 'number', v })),
  fc.constantFrom('257,500', '23,80', '约150台', '1e300').chain(text),
  fc.constantFrom<RawCell>(
    { t: 'formula', formula: 'I2+1', result: 12 },
    { t: 'formula', formula: 'I2+1' },
    { t: 'error', v: '#DIV/0!', formula: '1/0' },
  ),
  fc.constant(null),
);

const dataRow: fc.Arbitrary<Array<RawCell | null>> = fc.tuple(
  fc.option(fc.integer({ min: 1, max: 99 }).map<RawCell>((v) => ({ t: 'number', v }))),
  dateCell,
  // Excel's _xHHHH_ escapes (exceljs decodes upper-case hex only), plain and across rich-text runs.
  valueCell(['湘潭华电电器有限公司', '湖南省豪牌电气有限公司', '某公司', '豪牌_x000D_电气_x0041_', '某_x00e9_公司']),
  valueCell(['电取暖器', '打火机']),
  valueCell(['HD-2000', 'V8']),
  valueCell(['01', '04', '文教体育用品', '99']),
  valueCell(['湘潭', '邵阳', '长沙市', '大庸市']),
  valueCell(['电气安全', '机械物理']),
  quantityCell,
);

/** A sheet: maybe a title row, the header, rows (some numbered only in 序号, some blank), merged 市州 ranges. */
const sheet = (name: string): fc.Arbitrary<RawSheet> =>
  fc
    .record({
      hidden: fc.boolean(),
      title: fc.boolean(),
      header: fc.boolean(),
      rows: fc.array(
        fc.tuple(
          fc.oneof(
            { weight: 5, arbitrary: dataRow },
            { weight: 1, arbitrary: fc.constant<Array<RawCell | null>>([{ t: 'number', v: 7 }]) },
            { weight: 1, arbitrary: totalRow },
          ),
          hiddenRow,
        ),
        { maxLength: 12 },
      ),
      hiddenHead: hiddenRow,
      merges: fc.array(fc.tuple(fc.nat(11), fc.integer({ min: 1, max: 3 }), fc.boolean()), { maxLength: 3 }),
    })
    .map(({ hidden, title, header, rows: generated, hiddenHead, merges }) => {
      const rows = generated.map(([cells]) => cells);
      const first = title ? 2 : 1;
      const out: RawSheet['rows'] = [];
      if (title) out.push({ r: 1, cells: [{ t: 'inline', v: '2022年第三季度召回记录' }], hidden: hiddenHead });
      if (header) out.push({ r: first, cells: HEADER.map((h) => ({ t: 'shared', v: h }) as RawCell) });
      const taken = new Set<number>();
      const ranges: string[] = [];
      for (const [at, span, rowless] of merges) {
        const top = first + 1 + at;
        const bottom = top + span;
        if ([...Array(span + 1).keys()].some((k) => taken.has(top + k))) continue;
        for (let k = 0; k <= span; k++) taken.add(top + k);
        ranges.push(`G${top}:G${bottom}`);
        // Lower rows of a merge may have no <row> at all when their other cells are empty.
        if (rowless) for (let r = top + 1; r <= bottom && r - first - 1 < rows.length; r++) rows[r - first - 1] = [];
      }
      rows.forEach((cells, i) => {
        if (cells.length > 0) out.push({ r: first + 1 + i, cells, hidden: generated[i]![1] });
      });
      return { name, hidden, rows: out, merges: ranges };
    });

const workbook = fc
  .integer({ min: 1, max: 3 })
  .chain((n) => fc.tuple(...['召回记录', '旧数据', 'Sheet3'].slice(0, n).map(sheet)));

describe('the streaming workbook reader gives the same report as the in-memory one', () => {
  it('for generated workbooks: merged cells, formula errors, formulas without a result, dates, hidden sheets and rows, shared and inline strings', async () => {
    const { ref, home } = await hunan();
    const dir = tempDir();
    let n = 0;
    let hidden = 0;
    await fc.assert(
      fc.asyncProperty(workbook, fc.option(fc.constantFrom('召回记录', '旧数据')), async (sheets, wanted) => {
        const path = join(dir, `w${n++}.xlsx`);
        writeFileSync(path, rawXlsx(sheets));
        const ctx = { ref, home, quarter: parseQuarter('2022Q3') };
        const sheet = wanted ?? undefined;
        const memory = await checkTableFile(path, 'w.xlsx', { ...ctx, streamBytes: 1e12 }, 'recalls', sheet);
        const stream = await checkTableFile(path, 'w.xlsx', { ...ctx, streamBytes: 0 }, 'recalls', sheet);
        expect(stream.issues).toEqual(memory.issues);
        expect(stream.report).toEqual(memory.report);
        expect(stream.checked).toEqual(memory.checked);
        hidden += memory.issues.filter((i) => i.code === 'row.hidden').length;
      }),
      { numRuns: 60 },
    );
    expect(hidden).toBeGreaterThan(0);
  }, 120_000);
});
