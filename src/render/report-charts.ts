/** The three charts of part 一, from the same figures as 表1, the region table and the defect shares. */
import { quarterName, parseQuarter } from '../model/quarter.js';
import type { QuarterStats } from '../model/stats.js';
import { barSpec, pieSpec, type ChartSpec } from './chart-specs.js';
import type { ReportCharts } from './view-model.js';

/** What each chart shows; null for a quarter with no recall (the part has no charts then). */
/** `decimals`: the shares' own (configuration), so a label prints the table's figure as the table does. */
export function reportChartSpecs(s: QuarterStats, decimals = 2): Record<keyof ReportCharts, ChartSpec> | null {
  if (s.totals.recalls === 0) return null;
  const qn = quarterName(parseQuarter(s.quarter));
  // A pie draws only items above 0, whose shares exist (their total is positive): the 0 is never shown.
  return {
    categories: pieSpec(
      `${qn}各类别召回数量占比`,
      s.byCategory.map((c) => ({ name: c.name, value: c.quantity, share: c.quantityShare ?? 0 })),
      decimals,
    ),
    regions: barSpec(
      `${qn}各市州召回数量`,
      s.byRegion.map((r) => ({ name: r.short, value: r.quantity })),
      '件',
    ),
    defects: pieSpec(
      `${qn}召回产品缺陷类别（按批次）`,
      s.byDefect.map((d) => ({ name: d.name, value: d.recalls, share: d.recallShare ?? 0 })),
      decimals,
    ),
  };
}
