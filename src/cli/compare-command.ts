import type { Dimension } from '../aggregate/compare.js';
import { BulletinError } from '../model/errors.js';
import { compareQuarters, type CompareResult } from '../pipeline/compare-quarters.js';
import { resolveOptions, type OptionFlags } from '../config/resolve-options.js';
import { EXIT } from './exit-codes.js';
import { renderRows, type RowFormat } from './figures-output.js';
import {
  COMPARISON_NUMERIC,
  comparisonHeader,
  comparisonRows,
  SERIES_BY_NUMERIC,
  SERIES_NUMERIC,
  seriesByHeader,
  seriesByRows,
  seriesHeader,
  seriesRows,
} from './compare-rows.js';
import type { CliIo } from './io.js';

export interface CompareFlags extends Pick<OptionFlags, 'data' | 'out' | 'archive' | 'config'> {
  ytd?: boolean;
  by?: string;
  json?: boolean;
  /** Go on past quarters of a range that cannot be used (listed as a note, exit 0). */
  allowGaps?: boolean;
  csv?: boolean;
  md?: boolean;
}

const DIMENSIONS: readonly Dimension[] = ['category', 'region', 'defect', 'province'];
/** Every quarter of the range left out, with why and what to do. */
function skippedReport(r: CompareResult, allowed: boolean): string {
  const lines = r.skipped.map((u) => `  ${u.quarter}：${u.message}\n    → ${u.hint}  [${u.code}]`);
  const head = allowed
    ? `注意：以下 ${r.skipped.length} 个季度没有可用的数据，已跳过（--allow-gaps）：`
    : `错误：以下 ${r.skipped.length} 个季度没有可用的数据，比较结果不完整：`;
  const tail = allowed ? '' : '请补齐或改正这些季度的数据；确需跳过时加 --allow-gaps。\n';
  return `${head}\n${lines.join('\n')}\n${tail}`;
}

export async function runCompare(args: string[], flags: CompareFlags, io: CliIo): Promise<number> {
  const by = (flags.by ?? null) as Dimension | null;
  if (by && !DIMENSIONS.includes(by))
    throw new BulletinError('usage.by', 'usage', `--by 不认识“${flags.by}”。`, `可以是：${DIMENSIONS.join('、')}。`);
  const { config, dataDir: data, archiveDirs: archives } = await resolveOptions(flags, io.env, io.cwd);
  const result = await compareQuarters(args, {
    dataDir: data,
    archiveDirs: archives,
    config,
    cwd: io.cwd,
    ytd: Boolean(flags.ytd),
    by,
  });
  const gaps = result.skipped.length > 0;
  if (gaps) io.stderr(skippedReport(result, Boolean(flags.allowGaps)));
  const mixed = [result.comparison, ...(result.series ?? []).map((e) => e.yoy)].some(
    (c) => c?.province.basis === 'mixed',
  );
  const c0 = result.comparison;
  // 2021年全年 → 2022年前三季度 -14.21% compares four quarters with three.
  if (flags.ytd && c0 && c0.from.id.slice(5, 6) !== c0.to.id.slice(5, 6))
    io.stderr(`注意：${c0.from.label}与${c0.to.label}的时段长短不同，变化率不是同期比较。\n`);
  if (mixed)
    io.stderr(
      '注意：有的比较中，一个时段的本省累计数来自各季度的召回记录，另一个来自全国汇总表中的本省行（没有一种来源两个时段都有），两者的口径可能不同。\n',
    );
  const code = gaps && !flags.allowGaps ? EXIT.invalidData : EXIT.ok;
  if (flags.json) {
    io.stdout(`${JSON.stringify({ schemaVersion: 1, ...result }, null, 2)}\n`);
    return code;
  }
  // A series with holes is not printed as if it were whole, unless the user said so.
  if (code !== EXIT.ok) return code;
  const format: RowFormat = flags.csv ? 'csv' : flags.md ? 'md' : 'table';
  const province = config.province;
  if (result.comparison) {
    const c = result.comparison;
    if (format === 'table') io.stdout(`${c.from.label} → ${c.to.label}${c.kind ? `（${c.kind}）` : ''}\n`);
    io.stdout(renderRows(comparisonHeader(format), comparisonRows(c, province, format), format, COMPARISON_NUMERIC));
  } else if (by) {
    // A range by items: one table of every period's items (CSV holds one table only).
    const rows = seriesByRows(result, by, province, format);
    io.stdout(renderRows(seriesByHeader(format), rows, format, SERIES_BY_NUMERIC));
  } else {
    io.stdout(renderRows(seriesHeader(province, format), seriesRows(result, format), format, SERIES_NUMERIC));
  }
  if (format === 'table')
    io.stderr(
      `数据来源：${result.sources.map((s) => `${s.quarter} ${s.source === 'data' ? '数据' : '存档'} ${s.path}`).join('；')}\n`,
    );
  return EXIT.ok;
}
