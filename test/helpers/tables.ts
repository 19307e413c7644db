import type { CellValue, RawTable } from '../../src/ingest/table.js';

export const HEADER = [
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

/** A valid Q3 2022 record row in HEADER's order, with overrides by header name. */
export function recordRow(over: Record<string, CellValue> = {}): CellValue[] {
  const base: Record<string, CellValue> = {
    发布日期: '2022-08-15',
    生产者: '湘潭华电电器有限公司',
    产品名称: '电取暖器',
    型号: 'HD-2000',
    产品类别: '01',
    市州: '湘潭',
    缺陷类型: '电气安全',
    召回数量: '150',
    缺陷描述: '无接地措施',
    典型案例: '否',
  };
  return HEADER.map((h) => (h in over ? (over[h] as CellValue) : (base[h] as CellValue)));
}

/** Rows numbered from 1 as Excel would, header first unless given. */
export function rawTable(rows: CellValue[][], file = 'recalls.xlsx', sheet: string | null = '召回记录'): RawTable {
  return { file, format: 'xlsx', sheet, encoding: null, rows: rows.map((cells, i) => ({ row: i + 1, cells })) };
}

/** The national category table's header (national-categories), as the summary-table tests write it. */
export const CAT_HEADER = [
  '产品类别',
  '代码',
  '累计召回次数',
  '累计召回数量',
  '本年召回次数',
  '本年召回数量',
  '本季度召回次数',
  '本季度召回数量',
];

/** The national province table's header (national-provinces). */
export const PROV_HEADER = ['序号', '省份', '本年召回次数', '本年召回数量', '本季度召回次数', '本季度召回数量'];
