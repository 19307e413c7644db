/**
 * What generated recall records are made of, for the tests that write large or random quarters
 * (streaming, stats memory, tallies against records). One list, so a region renamed in the
 * reference data is renamed here once.
 */

/** The columns of a recalls file, in the order the bundled template has them. */
export const RECORD_HEADER = '发布日期,生产者,产品名称,型号,产品类别,市州,缺陷类型,召回数量,缺陷描述,典型案例';

/** Hunan's 14 prefecture-level divisions, as data staff write them. */
export const REGIONS = [
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

export const DEFECTS = ['机械物理', '电气安全', '化学', '燃烧', '标识', '其他'];
