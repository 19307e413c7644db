import { describe, expect, it } from 'vitest';
import { computeStats } from '../../src/aggregate/compute-stats.js';
import { reportChartSpecs } from '../../src/render/report-charts.js';
import { hunan } from '../helpers/reference.js';

/** The label texts of a pie spec's slices. */
const labels = (spec: { option: Record<string, unknown> }): string[] =>
  ((spec.option.series as Array<{ data: Array<{ label: { formatter: string } }> }>)[0]?.data ?? []).map(
    (d) => d.label.formatter,
  );

describe('the report charts’ share labels (report-charts.ts)', () => {
  it('print the table’s share at the configured decimals, never a rounded share with two zeros added', async () => {
    const { ref, home } = await hunan();
    const record = (categoryCode: string, quantity: number, i: number) => ({
      source: { file: 'r.csv', sheet: null, row: i + 2 },
      announceDate: '2022-08-01',
      manufacturer: `企业${i}`,
      brand: '',
      product: '产品',
      model: `M${i}`,
      categoryCode,
      regionCode: '430100',
      defectTypeCode: 'electrical',
      quantity,
      unit: '件',
      productionPeriod: '',
      description: '',
      typical: false,
    });
    const records = [
      record('04', 6154, 0),
      record('02', 81, 1),
      record('01', 4, 2),
      record('08', 2254, 3),
      record('07', 1507, 4),
    ];
    for (const decimals of [0, 1, 4]) {
      const stats = computeStats(records, ref, home, { year: 2022, quarter: 3 }, decimals);
      const shares = stats.byCategory
        .filter((c) => c.quantity > 0)
        .map((c) => `${c.name} ${c.quantityShare!.toFixed(decimals)}%`);
      expect(labels(reportChartSpecs(stats, decimals)!.categories)).toEqual(shares);
    }
  });
});
