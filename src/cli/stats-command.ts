import { parseQuarter } from '../model/quarter.js';
import type { BulletinStats } from '../model/stats.js';
import { resolveOptions, type OptionFlags } from '../config/resolve-options.js';
import { requireStats } from '../inputs/read-quarter.js';
import { withTrend } from '../pipeline/trend.js';
import { formatIssues } from './format-issues.js';
import { EXIT } from './exit-codes.js';
import { renderRows, type RowFormat } from './figures-output.js';
import type { CliIo } from './io.js';

export interface StatsFlags extends Pick<OptionFlags, 'data' | 'out' | 'archive' | 'config'> {
  quarter: string;
  json?: boolean;
  csv?: boolean;
  md?: boolean;
}

const HEADER = ['部分', '项目', '代码', '召回次数', '召回数量', '次数占比%', '数量占比%'];
const NUMERIC = [false, false, false, true, true, true, true];

/** Every printed figure as rows: section, item, code, recalls, quantity, shares (at `decimals`, as printed). */
export function statsRows(s: BulletinStats, decimals = 2): unknown[][] {
  // An empty cell when its table's total is 0 (stats.json has null: no share exists).
  const share = (x: number | null | undefined): string => x?.toFixed(decimals) ?? '';
  const rows: unknown[][] = [
    ['本省合计', s.province.name, s.province.code, s.totals.recalls, s.totals.quantity, '', ''],
  ];
  for (const c of s.byCategory)
    rows.push(['本省按类别', c.name, c.code, c.recalls, c.quantity, share(c.recallShare), share(c.quantityShare)]);
  for (const r of s.byRegion)
    rows.push(['本省按市州', r.short, r.code, r.recalls, r.quantity, '', share(r.quantityShare)]);
  for (const d of s.byDefect)
    rows.push(['本省按缺陷类型', d.name, d.code, d.recalls, d.quantity, share(d.recallShare), '']);
  const n = s.national;
  if (n) {
    for (const [label, t] of [
      ['全国累计', n.cumulative],
      ['全国本年', n.ytd],
      ['全国本季度', n.quarter],
    ] as const) {
      for (const r of t.rows) rows.push([label, r.name, r.code, r.recalls, r.quantity, '', '']);
      rows.push([label, '合计', '', t.total.recalls, t.total.quantity, '', '']);
    }
    for (const [label, t] of [
      ['各省本年', n.provincesYtd],
      ['各省本季度', n.provincesQuarter],
    ] as const) {
      for (const r of t.rows) rows.push([label, r.name, r.code, r.recalls, r.quantity, '', '']);
      rows.push([label, '总计', '', t.total.recalls, t.total.quantity, '', '']);
    }
  }
  for (const j of s.foreign?.jurisdictions ?? [])
    rows.push(['国外', j.name, '', j.recalls, j.quantity ?? '未公开', share(j.recallShare), '']);
  for (const c of s.foreign?.categories ?? [])
    rows.push([
      '国外按类别',
      c.name,
      c.code,
      c.recalls,
      c.quantity ?? '未公开',
      share(c.recallShare),
      share(c.quantityShare),
    ]);
  for (const c of s.clues?.rows ?? [])
    rows.push(['共享线索（报告/有效/检测）', c.unit, '', c.reports, c.effective, c.inspections, '']);
  return rows;
}

export async function runStats(flags: StatsFlags, io: CliIo): Promise<number> {
  const quarter = parseQuarter(flags.quarter);
  const o = await resolveOptions(flags, io.env, io.cwd);
  const { config, dataDir: data, outDir, archiveDirs: archives, streamBytes } = o;
  const sources = { dataDir: data, archiveDirs: archives, config, cwd: io.cwd, streamBytes, yearChecks: true };
  const found = await requireStats(quarter, sources);
  // From a data folder, the same stats.json the build writes (with the trend figures when the sentence is on).
  if (found.source === 'data') {
    const trended = await withTrend(found.stats, quarter, {
      dataDir: data,
      outDir,
      config,
      cwd: io.cwd,
    });
    found.stats = trended.stats;
    if (!flags.json) io.stderr(formatIssues(trended.issues, io));
  }
  if (flags.json) io.stdout(`${JSON.stringify(found.stats, null, 2)}\n`);
  else
    io.stdout(
      renderRows(
        HEADER,
        statsRows(found.stats, config.decimals),
        flags.csv ? 'csv' : flags.md ? 'md' : ('table' as RowFormat),
        NUMERIC,
      ),
    );
  if (!flags.json) io.stderr(`数据来源：${found.source === 'data' ? '数据文件夹' : '存档'} ${found.path}\n`);
  return EXIT.ok;
}
