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

function run(rows: CellValue[][]) {
  return validateRecords(rawTable([HEADER, ...rows]), ctx);
}

/** The single issue a one-row table with `over` produces. */
function onlyIssue(over: Record<string, CellValue>) {
  const r = run([recordRow(over)]);
  expect(r.issues).toHaveLength(1);
  return r.issues[0]!;
}

describe('validateRecords: accepted rows', () => {
  it('turns a valid row into a record with its source row', () => {
    const r = run([recordRow()]);
    expect(r.issues).toEqual([]);
    expect(r.records).toHaveLength(1);
    expect(r.records[0]).toMatchObject({
      source: { file: 'recalls.xlsx', sheet: '召回记录', row: 2 },
      announceDate: '2022-08-15',
      categoryCode: '01',
      regionCode: '430300',
      defectTypeCode: 'electrical',
      quantity: 150,
      unit: '件',
      typical: false,
    });
  });

  it('a figure alone under 召回数量 as the first column is a recall with the rest missing, not a note', () => {
    const header = ['召回数量', ...HEADER.filter((h) => h !== '召回数量')];
    const row = (over: Record<string, CellValue> = {}) => {
      const cells = recordRow(over);
      const q = HEADER.indexOf('召回数量');
      return [cells[q] ?? null, ...cells.filter((_, i) => i !== q)];
    };
    const r = validateRecords(rawTable([header, row(), [25000], ['注：数据截至9月30日']]), ctx);
    expect(r.rows).toMatchObject({ accepted: 1, rejected: 1, notes: 1 });
    expect(r.issues.filter((i) => i.row === 3).every((i) => i.code === 'value.required.missing')).toBe(true);
    expect(r.issues.filter((i) => i.row === 3).length).toBeGreaterThan(0);
  });

  it('accounts for every row: accepted, rejected, blank, totals and notes add up', () => {
    const r = run([
      recordRow(),
      [],
      recordRow({ 市州: '火星' }),
      recordRow({ 生产者: '乙' }),
      ['合计', null, null, null, null, null, null, '300'],
      ['注：数据截至9月30日'],
    ]);
    expect(r.rows).toEqual({ read: 3, accepted: 2, rejected: 1, blank: 1, totalRows: 1, notes: 1 });
    expect(r.issues.map((i) => i.code)).toEqual(['value.region.unknown', 'row.note']);
  });
});

describe('validateRecords: one test per rule', () => {
  it('value.required.missing', () => {
    expect(onlyIssue({ 生产者: null })).toMatchObject({
      severity: 'error',
      code: 'value.required.missing',
      row: 2,
      column: 'B',
      header: '生产者',
    });
  });

  it('value.category.unknown names the nearest valid category', () => {
    const i = onlyIssue({ 产品类别: '文教体育用具' });
    expect(i).toMatchObject({ code: 'value.category.unknown', row: 2, column: 'E', value: '文教体育用具' });
    expect(i.message).toBe('“文教体育用具”不是有效的产品类别。最接近的是“08 文教体育用品”。');
  });

  it('value.category.conflict', () => {
    expect(onlyIssue({ 产品类别: '01 文教体育用品' }).code).toBe('value.category.conflict');
  });

  it('value.region.other-province', () => {
    const i = onlyIssue({ 市州: '广州市' });
    expect(i).toMatchObject({ code: 'value.region.other-province', column: 'F' });
    expect(i.message).toBe('“广州市”属于广东省，不在湖南省。');
  });

  it('value.region.unknown', () => {
    expect(onlyIssue({ 市州: '长沙县城' }).message).toBe('“长沙县城”不是湖南省的市州。最接近的是“长沙”。');
  });

  it('value.region.unknown for a district suggests no prefecture by spelling (岳麓区 is in 长沙, not 岳阳)', () => {
    expect(onlyIssue({ 市州: '岳麓区' }).message).toBe(
      '“岳麓区”不是湖南省的市州。它看起来是区县名，而这一栏要填它所属的市州。',
    );
    expect(onlyIssue({ 市州: '桃源县' }).message).not.toContain('最接近');
  });

  it('value.defect.unknown', () => {
    expect(onlyIssue({ 缺陷类型: '外观' })).toMatchObject({ code: 'value.defect.unknown', column: 'G' });
  });

  it('value.quantity.invalid', () => {
    const i = onlyIssue({ 召回数量: '-3' });
    expect(i).toMatchObject({ code: 'value.quantity.invalid', column: 'H' });
    expect(i.message).toBe('召回数量“-3”不能是负数。');
  });

  it('value.quantity.approximate is a warning and the row still counts', () => {
    const r = run([recordRow({ 召回数量: '约3400件' })]);
    expect(r.issues.map((i) => [i.severity, i.code])).toEqual([['warning', 'value.quantity.approximate']]);
    expect(r.records[0]?.quantity).toBe(3400);
  });

  it('value.date.unreadable', () => {
    expect(onlyIssue({ 发布日期: '八月中旬' })).toMatchObject({ code: 'value.date.unreadable', column: 'A' });
  });

  it('value.date.unreadable for a weekday that is not the date’s, saying so', () => {
    const i = onlyIssue({ 发布日期: '2022-09-30 星期六' });
    expect(i).toMatchObject({ code: 'value.date.unreadable', column: 'A' });
    expect(i.message).toBe('日期“2022-09-30 星期六”中的星期与日期不符，无法确定是哪一天。');
  });

  it('value.date.outside-quarter', () => {
    const i = onlyIssue({ 发布日期: '2022-10-08' });
    expect(i.code).toBe('value.date.outside-quarter');
    expect(i.message).toBe('发布日期 2022-10-08 不在2022年第三季度内，不能计入本期。');
  });

  it('value.flag.invalid', () => {
    expect(onlyIssue({ 典型案例: '也许' }).code).toBe('value.flag.invalid');
  });

  it('value.typical.no-description', () => {
    expect(onlyIssue({ 典型案例: '是', 缺陷描述: null }).code).toBe('value.typical.no-description');
  });

  it('value.cell.formula-error', () => {
    expect(onlyIssue({ 召回数量: { error: '#DIV/0!' } })).toMatchObject({
      code: 'value.cell.formula-error',
      value: '#DIV/0!',
    });
  });

  // 型号 left empty, or written another way, escaped the exact key: counted twice with no word.
  it('the same maker, date and quantity with another product or model is a possible duplicate (a warning)', () => {
    const r = run([recordRow(), recordRow({ 型号: '' }), recordRow({ 型号: 'HD-3000', 召回数量: '151' })]);
    expect(r.records).toHaveLength(3);
    expect(r.issues.map((i) => [i.code, i.severity, i.row])).toEqual([
      ['value.record.possible-duplicate', 'warning', 3],
    ]);
    expect(r.issues[0]?.message).toContain('与第 2 行的生产者、发布日期和召回数量都相同（150）');
  });

  it('value.record.duplicate points at the first occurrence', () => {
    const r = run([recordRow(), recordRow()]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'value.record.duplicate', row: 3 });
    expect(r.issues[0]?.message).toContain('第 2 行');
    expect(r.rows).toMatchObject({ accepted: 1, rejected: 1 });
  });

  it('structure.row.extra-cells', () => {
    const r = run([[...recordRow(), '多出来的']]);
    expect(r.issues[0]).toMatchObject({ code: 'structure.row.extra-cells', column: 'K', value: '多出来的' });
    expect(r.records).toHaveLength(0);
  });

  it('total.mismatch: a 合计 row must equal the rows above and is never a recall', () => {
    const r = run([recordRow(), recordRow({ 生产者: '乙' }), ['合计', null, null, null, null, null, null, 301]]);
    expect(r.records).toHaveLength(2);
    expect(r.issues[0]).toMatchObject({ code: 'total.mismatch', row: 4, column: 'H' });
    expect(r.issues[0]?.severity).toBe('warning');
    expect(r.issues[0]?.message).toBe(
      '合计行写的召回数量是 301，但第 2–3 行中有效记录之和是 300，相差 +1。公报将使用各行相加的 300。',
    );
  });

  it('structure.total.record: a recall marked 合计 is an error, not a total row dropped with a warning', () => {
    const r = run([recordRow(), recordRow({ 生产者: '乙', 型号: '合计' })]);
    expect(r.records).toHaveLength(1);
    expect(r.issues.map((i) => [i.code, i.severity, i.row, i.column])).toEqual([
      ['structure.total.record', 'error', 3, 'B'],
    ]);
    expect(r.issues[0]?.message).toBe(
      '这一行有“合计”字样，但也填了生产者“乙”和产品“电取暖器”，像是一条召回记录；作为合计行，它不会计入任何数字。',
    );
  });

  // Dropped as a total row, its quantity was missing from every figure with only a warning.
  it('structure.total.record: a recall of a product named 合计 (date, category, region filled) is an error', () => {
    const r = run([recordRow(), recordRow({ 生产者: '乙', 产品名称: '合计' })]);
    expect(r.issues.map((i) => [i.code, i.severity, i.row])).toEqual([['structure.total.record', 'error', 3]]);
  });

  it('a manufacturer’s 小计 row (its name, 小计 for the product) stays a total row', () => {
    const r = run([recordRow(), [null, '湘潭华电电器有限公司', '小计', null, null, null, null, 150]]);
    expect(r.issues).toEqual([]);
  });

  it('a correct 合计 row passes silently', () => {
    expect(run([recordRow(), ['合 计', null, null, null, null, null, null, 150]]).issues).toEqual([]);
  });

  it('reports every problem of a row at once', () => {
    const r = run([recordRow({ 产品类别: 'xx', 市州: 'yy', 召回数量: 'zz' })]);
    expect(r.issues.map((i) => i.column)).toEqual(['E', 'F', 'H']);
  });
});
