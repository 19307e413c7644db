import type { Comparison, Dimension } from '../aggregate/compare.js';
import { ordinal } from '../model/chinese.js';
import { BulletinError } from '../model/errors.js';
import { compareQuarters, type CompareResult } from '../pipeline/compare-quarters.js';
import { loadConfig } from '../pipeline/config.js';
import { EXIT } from './exit-codes.js';
import { archiveDirs, dataDir, outDir, type SourceFlags } from './paths.js';
import { pctText, renderRows, signed, type RowFormat } from './figures-output.js';
import type { CliIo } from './io.js';

export interface CompareFlags extends SourceFlags {
  ytd?: boolean;
  by?: string;
  json?: boolean;
  csv?: boolean;
  md?: boolean;
  /** Go on past quarters of a range that cannot be used (listed as a note, exit 0). */
  allowGaps?: boolean;
}

const DIMENSIONS: readonly Dimension[] = ['category', 'region', 'defect', 'province'];
const HEADER = ['范围', '项目', '指标', '起', '止', '变化', '变化率', '占比变化'];
const NUMERIC = [false, false, false, true, true, true, true, true];

/** Flat rows: totals, rank, then one row per item of the chosen dimension. */
export function comparisonRows(c: Comparison, province: string): unknown[][] {
  const out: unknown[][] = [];
  const totals = (
    scope: string,
    part: { recalls: Comparison['province']['recalls']; quantity: Comparison['province']['quantity'] },
  ) => {
    out.push([
      scope,
      '合计',
      '召回次数',
      part.recalls.from,
      part.recalls.to,
      signed(part.recalls.diff),
      pctText(part.recalls.pct, part.recalls.to),
      '',
    ]);
    out.push([
      scope,
      '合计',
      '召回数量',
      part.quantity.from,
      part.quantity.to,
      signed(part.quantity.diff),
      pctText(part.quantity.pct, part.quantity.to),
      '',
    ]);
  };
  totals(province, c.province);
  const { from, to } = c.province.rank;
  if (from !== null || to !== null)
    out.push([
      province,
      '合计',
      '全国排名',
      from ? ordinal(from) : '',
      to ? ordinal(to) : '',
      from && to ? signed(from - to) : '',
      '',
      '',
    ]);
  if (c.national) totals('全国', c.national);
  for (const [scope, rows] of [
    [province, c.province.rows],
    ['全国', c.national?.rows ?? null],
  ] as const) {
    for (const r of rows ?? []) {
      out.push([
        scope,
        r.name,
        '召回次数',
        r.recalls.from,
        r.recalls.to,
        signed(r.recalls.diff),
        pctText(r.recalls.pct, r.recalls.to),
        '',
      ]);
      out.push([
        scope,
        r.name,
        '召回数量',
        r.quantity.from,
        r.quantity.to,
        signed(r.quantity.diff),
        pctText(r.quantity.pct, r.quantity.to),
        `${r.share.pp > 0 ? '+' : ''}${r.share.pp.toFixed(2)}个百分点`,
      ]);
    }
  }
  return out;
}

function seriesRows(r: CompareResult): unknown[][] {
  return (r.series ?? []).map((e) => [
    e.period.label,
    e.period.province.recalls,
    e.period.province.quantity,
    e.qoq ? pctText(e.qoq.province.quantity.pct, e.qoq.province.quantity.to) : '',
    e.yoy ? pctText(e.yoy.province.quantity.pct, e.yoy.province.quantity.to) : '',
    e.period.national?.recalls ?? '',
    e.period.national?.quantity ?? '',
    e.qoq?.national ? pctText(e.qoq.national.quantity.pct, e.qoq.national.quantity.to) : '',
    e.yoy?.national ? pctText(e.yoy.national.quantity.pct, e.yoy.national.quantity.to) : '',
  ]);
}

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
  const config = await loadConfig(flags.config, io.cwd);
  const data = dataDir(flags.data, config, io.cwd);
  const archives = archiveDirs(flags.archive, io.cwd, data, outDir(flags.out, config, io.cwd));
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
    io.stdout(renderRows(HEADER, comparisonRows(c, province), format, NUMERIC));
  } else {
    io.stdout(
      renderRows(
        [
          '期间',
          `${province}召回次数`,
          `${province}召回数量`,
          '数量环比',
          '数量同比',
          '全国召回次数',
          '全国召回数量',
          '全国数量环比',
          '全国数量同比',
        ],
        seriesRows(result),
        format,
        [false, true, true, true, true, true, true, true, true],
      ),
    );
  }
  if (format === 'table')
    io.stderr(
      `数据来源：${result.sources.map((s) => `${s.quarter} ${s.source === 'data' ? '数据' : '存档'} ${s.path}`).join('；')}\n`,
    );
  return EXIT.ok;
}
