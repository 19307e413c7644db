/**
 * A record's 召回数量 and 单位 as one row of a table: what is refused, under which code and
 * column, and what an accepted approximate quantity keeps for 表2.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CellValue } from '../../src/ingest/table.js';
import type { Province, ReferenceData } from '../../src/model/reference.js';
import { validateRecords } from '../../src/validate/validate-records.js';
import { hunan } from '../helpers/reference.js';
import { HEADER, rawTable, recordRow } from '../helpers/tables.js';

let ctx: { ref: ReferenceData; home: Province; quarter: { year: number; quarter: 3 } };
beforeAll(async () => {
  ctx = { ...(await hunan()), quarter: { year: 2022, quarter: 3 } };
});

/** One row, with a 单位 column after 召回数量 (I) when `unit` is given. */
function run(quantity: CellValue, unit?: string) {
  if (unit === undefined) return validateRecords(rawTable([HEADER, recordRow({ 召回数量: quantity })]), ctx);
  const withUnit = (cells: CellValue[], u: CellValue) => [...cells.slice(0, 8), u, ...cells.slice(8)];
  return validateRecords(rawTable([withUnit(HEADER, '单位'), withUnit(recordRow({ 召回数量: quantity }), unit)]), ctx);
}
const found = (r: ReturnType<typeof run>) => r.issues.map((i) => [i.severity, i.code, i.column]);

describe('a footnote mark or special digit in 召回数量', () => {
  it('is refused, saying which character it is', () => {
    const r = run('257500¹');
    expect(found(r)).toEqual([['error', 'value.quantity.invalid', 'H']]);
    expect(r.issues[0]!.message).toBe('召回数量“257500¹”中的“¹”是上标或特殊数字，不是普通数字。');
    expect(r.issues[0]!.hint).toContain('请去掉脚注标记，只填写件数');
    expect(r.records).toEqual([]);
  });

  it('but full-width digits are digits', () => {
    expect(run('１２３').records[0]?.quantity).toBe(123);
  });
});

describe('a unit that does not count products', () => {
  it.each(['3吨', '500千克', '1500打', '1500罗', '3箱', '10盒', '5包', '20令', '3款'])(
    'after the number (%s) is refused',
    (q) => {
      const r = run(q);
      expect(found(r)).toEqual([['error', 'value.quantity.unit', 'H']]);
      expect(r.issues[0]!.message).toMatch(new RegExp(`^召回数量“${q}”的单位“${q.replace(/^\d+/, '')}”`));
    },
  );

  it.each(['打', '箱', '吨', '千克'])('in the 单位 column (%s) is refused there', (u) => {
    const r = run('1500', u);
    expect(found(r)).toEqual([['error', 'value.quantity.unit', 'I']]);
    expect(r.issues[0]!.message).toMatch(new RegExp(`^单位“${u}”`));
  });

  it('tells a dozen in 件', () => {
    expect(run('1500', '打').issues[0]!.hint).toContain('1500打 = 18000件');
  });

  it.each(['双', '对', '套', '件（套）'])('but %s counts one product each', (u) => {
    const r = run('1500', u);
    expect(r.issues).toEqual([]);
    expect(r.records[0]).toMatchObject({ quantity: 1500, unit: u });
  });
});

describe('a bound written as a figure', () => {
  it.each(['100以上', '3400以下', '100内', '3400以内', '3400起', '不少于100', '至少100', '最多100', '超过3400件'])(
    '%s is refused as an error',
    (q) => {
      const r = run(q);
      expect(found(r)).toEqual([['error', 'value.quantity.bound', 'H']]);
      expect(r.issues[0]!.message).toContain('范围');
    },
  );
});

describe('what 表2 is given', () => {
  it('an approximate quantity keeps its words, and is still a warning', () => {
    const r = run('约1500本');
    expect(found(r)).toEqual([['warning', 'value.quantity.approximate', 'H']]);
    expect(r.records[0]).toMatchObject({ quantity: 1500, unit: '本', approx: { before: '约', middle: '', after: '' } });
  });

  it('an exact one has no such key', () => {
    expect(run('1500本').records[0]).not.toHaveProperty('approx');
  });

  it('a unit after the number other than the 单位 column is a conflict', () => {
    const r = run('500只', '台');
    expect(found(r)).toEqual([['error', 'value.unit.conflict', 'I']]);
    expect(r.issues[0]!.message).toBe(
      '召回数量“500只”写的单位是“只”，单位一列却是“台”，两处不一致：表2 会印成“500台”。',
    );
  });

  it.each([
    ['500只', '只'],
    ['200套', '件（套）'],
    ['500', '台'],
  ])('%s under %s is no conflict', (q, u) => {
    expect(run(q, u).issues).toEqual([]);
  });
});
