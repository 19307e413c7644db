/**
 * In a first quarter, 本年 (2022年以来) and 本季度 (2022年第一季度) are the
 * same three months, and the bulletin prints both, one after the other: a
 * table whose 本季度 differs from its 本年 would print 2022年以来 18个省(市)局
 * 116次 beside 2022年第一季度 1个省(市)局 10次. So any difference is a
 * contradiction (contradiction.national.first-quarter), and an empty 本季度
 * beside a filled 本年 is not read as 0, as it is later in the year for a
 * province without recalls this quarter: it is a figure left out.
 */
import type { ValidationIssue } from '../model/issues.js';
import { quarterName, type Quarter } from '../model/quarter.js';
import type { SummaryCheck, SummaryResult, SummarySchema } from './summary-types.js';

type Period = 'qRecalls' | 'qQty' | 'ytdRecalls' | 'ytdQty';

const PAIRS = [
  { quarter: 'qRecalls', year: 'ytdRecalls', unit: '次' },
  { quarter: 'qQty', year: 'ytdQty', unit: '件' },
] as const;

const CODE = 'contradiction.national.first-quarter';
const SAME = '第一季度的本季度数字应与本年数字相同（本年到目前只有这一个季度）';

/** The check for a national table of `quarter`: none after the first quarter, or when the quarter is not known. */
export function firstQuarterChecks<K extends string>(
  schema: SummarySchema<K | Period>,
  label: K,
  quarter: Quarter | null,
): SummaryCheck<K | Period>[] {
  if (quarter?.quarter !== 1) return [];
  return [(r) => [...missingColumns(schema, r, quarter), ...rowFindings(schema, r, label)]];
}

/** 本季度 columns left out of the table (the province table's are optional): one finding for each. */
function missingColumns<K extends string>(
  schema: SummarySchema<K | Period>,
  r: SummaryResult<K | Period>,
  quarter: Quarter,
): ValidationIssue[] {
  const first = r.rows[0];
  if (!first) return [];
  return PAIRS.filter((p) => first.at(p.quarter).col === null).map((p) => {
    const label = schema.fields.find((f) => f.key === p.quarter)?.label ?? p.quarter;
    return r.issue(
      'error',
      CODE,
      {},
      `${schema.title}没有“${label}”列：${SAME}，缺了这一列，公报“${quarterName(quarter)}”部分的数字会是 0。`,
      `请加上“${label}”列，每一行填写与本年相同的数字。`,
    );
  });
}

/** Each row (and the stated total) whose 本季度 is not its 本年; rows already refused for another error are left be. */
function rowFindings<K extends string>(
  schema: SummarySchema<K | Period>,
  r: SummaryResult<K | Period>,
  label: K,
): ValidationIssue[] {
  const title = (key: K | Period) => schema.fields.find((f) => f.key === key)?.label ?? key;
  const refused = new Set(r.issues.filter((i) => i.severity === 'error').map((i) => i.row));
  const rows = r.rows
    .filter((row) => !refused.has(row.row))
    .map((row) => ({
      values: row.values as Partial<Record<K | Period, unknown>>,
      at: row.at,
      name: String(row.values[label] ?? ''),
    }));
  if (r.statedTotal && !refused.has(r.statedTotal.at(label).row))
    rows.push({ values: r.statedTotal.values, at: r.statedTotal.at, name: '合计行' });
  return rows.flatMap((row) =>
    PAIRS.flatMap((p) => {
      const year = row.values[p.year];
      const quarter = row.values[p.quarter];
      const total = row.name === '合计行';
      if (typeof year !== 'number' || quarter === year || (quarter === undefined && (total || year === 0))) return [];
      // A column left out is reported once for the table (missingColumns).
      if (row.at(p.quarter).col === null) return [];
      const where = `${schema.title}第 ${row.at(p.quarter).row} 行${row.name ? `（${row.name}）` : ''}`;
      const shown = quarter === undefined ? '是空的' : `为 ${String(quarter)} ${p.unit}`;
      return [
        r.issue(
          'error',
          CODE,
          row.at(p.quarter),
          `${where}的“${title(p.quarter)}”${shown}，“${title(p.year)}”为 ${year} ${p.unit}：${SAME}，${quarter === undefined ? '空白不能按 0 计算' : '公报会把同一段时间印成两个不同的数字'}。`,
          '请与数据来源核对这一行，在本季度两列填写与本年相同的数字。',
        ),
      ];
    }),
  );
}
