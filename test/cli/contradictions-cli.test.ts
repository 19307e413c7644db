/**
 * Figures that contradict each other in the summary tables and issue.json
 * (each a copy of the sample's 2022Q3 with one file changed): the build
 * refuses with the finding and writes nothing; a draft shows them stamped,
 * with the finding listed, as it shows other disagreeing figures.
 */
import { describe, expect, it } from 'vitest';
import { buildData as build, quarterWith, validateData } from '../helpers/edited-quarter.js';

describe('contradicting figures stop the build', () => {
  it('a category whose quarter is above its year; a draft lists it', async () => {
    const data = quarterWith('national-categories.csv', (t) =>
      t.replace(/^电子电器,01,.*$/m, '电子电器,01,50,100000,3,100,5,1000'),
    );
    const r = await build(data);
    expect(r.code).toBe(1);
    expect(r.wrote).toBe(false);
    expect(r.stdout + r.stderr).toContain('[contradiction.national.period]');
    expect(r.stdout + r.stderr).toContain('“本季度召回次数”为 5 次，大于“本年召回次数”的 3 次');
    const draft = await build(data, ['--draft', '--json']);
    expect(draft.code).toBe(0);
    expect(draft.wrote).toBe(true);
    const doc = JSON.parse(draft.stdout) as { draft: boolean; issues: Array<{ code: string }> };
    expect(doc.draft).toBe(true);
    expect(doc.issues.map((i) => i.code)).toContain('contradiction.national.period');
  });

  it('the home province missing from the national province table (a draft may still be made)', async () => {
    const data = quarterWith('national-provinces.csv', (t) =>
      t
        .split('\n')
        .filter((l) => !l.includes('湖南'))
        .join('\n'),
    );
    const r = await build(data);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('[national.province.home-missing]');
    const draft = await build(data, ['--draft']);
    expect(draft.code).toBe(0);
    expect(draft.wrote).toBe(true);
  });

  it('a publication date before the quarter ends', async () => {
    const data = quarterWith('issue.json', (t) => t.replace('2022-11-08', '2022-07-15'));
    const r = await build(data);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('[meta.date.early]');
  });
});

describe('a first quarter whose 本季度 is not its 本年', () => {
  // Each row but 湖南's with its 本季度 cells emptied.
  const blankQuarter = (t: string) =>
    t.replace(/^(\d+,[^,\r\n]+,\d+,\d+),\d+,\d+/gm, (line, head: string) =>
      line.includes('湖南') ? line : `${head},,`,
    );

  it('2022Q1 with only 湖南’s 本季度 filled stops the build (it printed 18 provinces for the year, 1 for the quarter)', async () => {
    const data = quarterWith('national-provinces.csv', blankQuarter, '2022Q1');
    const v = await validateData(data, '2022Q1');
    expect(v.code).toBe(1);
    const found = v.findings.filter((f) => f.code === 'contradiction.national.first-quarter');
    expect(found).toHaveLength(34);
    expect(found[0]).toMatchObject({ severity: 'error', row: 2, column: 'E' });
    const r = await build(data, [], '2022Q1');
    expect(r.code).toBe(1);
    expect(r.wrote).toBe(false);
    expect(r.stdout + r.stderr).toContain('第一季度的本季度数字应与本年数字相同');
    const draft = await build(data, ['--draft'], '2022Q1');
    expect(draft.code).toBe(0);
    expect(draft.wrote).toBe(true);
  });

  it('the sample’s own 2022Q1 has none', async () => {
    const v = await validateData(
      quarterWith('national-provinces.csv', (t) => t, '2022Q1'),
      '2022Q1',
    );
    expect(v.code).toBe(0);
    expect(v.findings.map((f) => f.code)).not.toContain('contradiction.national.first-quarter');
  });
});

describe('a quantity with no recalls', () => {
  it('a province of 0 次 and 54125 件 stops the build (it counted among the provinces that 开展了召回工作)', async () => {
    const data = quarterWith('national-provinces.csv', (t) =>
      t.replace('8,湖北省,17,54125,4,2042', '8,湖北省,0,54125,0,2042'),
    );
    const v = await validateData(data);
    expect(v.code).toBe(1);
    expect(
      v.findings.filter((f) => f.code === 'contradiction.national.no-recalls').map((f) => [f.row, f.column]),
    ).toEqual([
      [9, 'C'],
      [9, 'E'],
    ]);
    const r = await build(data);
    expect(r.code).toBe(1);
    expect(r.wrote).toBe(false);
    const draft = await build(data, ['--draft']);
    expect(draft.code).toBe(0);
    expect(draft.wrote).toBe(true);
  });

  it('a country of 0 次 with a quantity stops the build', async () => {
    const data = quarterWith('foreign.csv', (t) => t.replace('日本,54,3833800', '日本,0,3833800'));
    const r = await build(data);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('[contradiction.foreign.no-recalls]');
  });
});

describe('issue.json', () => {
  it('期号 above 总期号 stops the build (it would print 第7期（总第5期）)', async () => {
    const data = quarterWith('issue.json', (t) =>
      t.replace('"totalNumber": 3', '"totalNumber": 2').replace('"number": 3', '"number": 7'),
    );
    const r = await build(data);
    expect(r.code).toBe(1);
    expect(r.wrote).toBe(false);
    expect(r.stdout + r.stderr).toContain('[meta.number.order]');
  });

  it('a publication date years after the quarter is a warning: validate and build go on', async () => {
    const data = quarterWith('issue.json', (t) => t.replace('2022-11-08', '2031-04-20'));
    const v = await validateData(data);
    expect(v.code).toBe(0);
    expect(v.findings.filter((f) => f.code === 'meta.date.late').map((f) => [f.severity, f.value])).toEqual([
      ['warning', '2031-04-20'],
    ]);
    expect((await build(data)).wrote).toBe(true);
  });
});
