import { describe, expect, it } from 'vitest';
import { codes, dataWith, validate } from '../helpers/edited-data.js';

// data/archive/2021Q4/stats.json (read by default) has 电子电器 累计 549 次、7230000 件.
describe('累计 across the turn of a year (reconcile-cumulative.ts)', () => {
  it('a first quarter whose 累计 is below the year before’s last quarter is an error', async () => {
    const cwd = dataWith({
      '2022Q1/national-categories.csv': [['电子电器,01,802,25988207,', '电子电器,01,500,25988207,']],
    });
    const r = await validate(cwd, 'data/2022Q1');
    expect(r.code).toBe(1);
    const found = r.findings.filter((f) => f.code === 'reconcile.national.cumulative-decrease');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('error');
    expect(found[0]!.message).toContain(
      '电子电器 本期 500 次、25988207 件，2021Q4 为 549 次、7230000 件，相差 -49 次、18758207 件',
    );
  });

  it('the sample’s own first quarter passes', async () => {
    const r = await validate(dataWith({}), 'data/2022Q1');
    expect(codes(r.findings)).not.toContain('reconcile.national.cumulative-decrease');
    expect(r.code).toBe(0);
  });
});
