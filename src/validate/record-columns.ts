/** The columns of a recall-records sheet (one row per recall). */
import type { FieldDef, TableSchema } from './table-schema.js';

export type FieldKey =
  | 'seq'
  | 'announceDate'
  | 'manufacturer'
  | 'brand'
  | 'product'
  | 'model'
  | 'category'
  | 'region'
  | 'defectType'
  | 'quantity'
  | 'unit'
  | 'productionPeriod'
  | 'description'
  | 'typical';

export const RECORD_FIELDS: readonly FieldDef<FieldKey>[] = [
  { key: 'seq', label: '序号', aliases: ['序号', '编号', 'no', 'no.'], required: false },
  {
    key: 'announceDate',
    label: '发布日期',
    aliases: ['发布日期', '召回发布日期', '公告日期', '发布时间', '召回日期', '召回时间', '备案日期', '日期'],
    required: true,
  },
  {
    key: 'manufacturer',
    label: '生产者',
    aliases: ['生产者', '生产者名称', '生产企业', '生产企业名称', '企业名称', '企业', '召回企业', '召回主体'],
    required: true,
  },
  { key: 'brand', label: '品牌', aliases: ['品牌', '商标', '品牌名称'], required: false },
  {
    key: 'product',
    label: '产品名称',
    aliases: ['产品名称', '产品', '召回产品', '召回产品名称', '召回缺陷产品名称', '缺陷产品名称'],
    required: true,
  },
  { key: 'model', label: '型号', aliases: ['型号', '规格型号', '产品型号', '规格'], required: false },
  {
    key: 'category',
    label: '产品类别',
    aliases: ['产品类别', '类别', '产品分类', '分类', '产品类别代码', '类别代码'],
    required: true,
  },
  {
    key: 'region',
    label: '市州',
    aliases: [
      '市州',
      '所在市州',
      '地区',
      '所在地区',
      '区域',
      '召回产品区域',
      '地市',
      '所属市州',
      '行政区划',
      '行政区划代码',
    ],
    required: true,
  },
  { key: 'defectType', label: '缺陷类型', aliases: ['缺陷类型', '缺陷类别', '缺陷分类', '缺陷种类'], required: true },
  {
    key: 'quantity',
    label: '召回数量',
    aliases: ['召回数量', '数量', '涉及数量', '缺陷产品数量', '召回产品数量'],
    required: true,
    figure: true,
  },
  { key: 'unit', label: '单位', aliases: ['单位', '计量单位', '数量单位'], required: false },
  {
    key: 'productionPeriod',
    label: '生产日期',
    aliases: ['生产日期', '生产时间', '生产期间', '生产日期范围', '生产批次'],
    required: false,
  },
  {
    key: 'description',
    label: '缺陷描述',
    aliases: ['缺陷描述', '缺陷产品问题', '缺陷情况', '问题描述', '缺陷问题', '存在问题'],
    required: false,
  },
  { key: 'typical', label: '典型案例', aliases: ['典型案例', '是否典型案例', '典型', '是否典型'], required: false },
];

export const RECORD_SCHEMA: TableSchema<FieldKey> = { title: '召回记录', fields: RECORD_FIELDS };
