import { describe, expect, it } from 'vitest';
import { mapHeader } from '../../src/validate/header-map.js';
import { RECORD_SCHEMA } from '../../src/validate/record-columns.js';
import { fieldForHeader } from '../../src/validate/table-schema.js';
import { HEADER, rawTable, recordRow } from '../helpers/tables.js';

describe('header aliases', () => {
  it.each([
    ['quantity', ['召回数量', '召回数量（件）', '召回数量(件)', '数量', '涉及数量', ' 召回 数量 ', '缺陷产品数量']],
    ['category', ['产品类别', '类别', '产品分类']],
    ['manufacturer', ['生产者', '生产者名称', '生产企业', '企业名称']],
    ['region', ['市州', '所在市州', '地区', '召回产品区域']],
    ['announceDate', ['发布日期', '召回日期', '公告日期']],
    ['productionPeriod', ['生产日期']],
    ['description', ['缺陷描述', '缺陷产品问题']],
    ['product', ['产品名称', '召回缺陷产品名称']],
    ['defectType', ['缺陷类型', '缺陷类别']],
    ['typical', ['典型案例', '是否典型案例']],
  ])('%s', (key, aliases) => {
    for (const a of aliases) expect(fieldForHeader(RECORD_SCHEMA, a)?.key, a).toBe(key);
  });
});

describe('mapHeader', () => {
  it('finds the header below title and blank rows', () => {
    const t = rawTable([['2022年第三季度召回记录', '2022年第三季度召回记录'], [], HEADER, recordRow()]);
    const { map, issues } = mapHeader(t, RECORD_SCHEMA);
    expect(issues).toEqual([]);
    expect(map?.headerRow).toBe(3);
    expect(map?.columns.get('quantity')).toEqual({ index: 7, header: '召回数量' });
  });

  it('lists what was found and what is expected when required columns are missing', () => {
    const t = rawTable([
      ['发布日期', '生产者', '产品名称', '召回数量'],
      ['2022-08-01', 'a', 'b', 1],
    ]);
    const { issues } = mapHeader(t, RECORD_SCHEMA);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      severity: 'error',
      code: 'structure.column.missing',
      row: 1,
      file: 'recalls.xlsx',
      sheet: '召回记录',
    });
    expect(issues[0]?.message).toBe(
      '缺少必需的列：产品类别、市州、缺陷类型。表头行（第 1 行）中找到的列：发布日期、生产者、产品名称、召回数量。',
    );
    expect(issues[0]?.hint).toContain('需要的列：发布日期、生产者、产品名称、产品类别、市州、缺陷类型、召回数量');
  });

  it('says there is no header when no row looks like one', () => {
    const { map, issues } = mapHeader(
      rawTable([
        ['甲', '乙'],
        ['1', '2'],
      ]),
      RECORD_SCHEMA,
    );
    expect(map).toBeNull();
    expect(issues[0]).toMatchObject({ code: 'structure.header.missing', row: 1 });
    expect(issues[0]?.message).toContain('找不到召回记录的表头行');
    expect(issues[0]?.message).toContain('第一行内容为：甲、乙');
  });

  it('warns about unknown columns and rejects duplicated ones', () => {
    const { issues } = mapHeader(rawTable([[...HEADER, '备注', '数量']]), RECORD_SCHEMA);
    expect(issues.map((i) => [i.severity, i.code, i.column, i.header])).toEqual([
      ['warning', 'structure.column.unknown', 'K', '备注'],
      ['error', 'structure.column.duplicate', 'L', '数量'],
    ]);
  });
});
