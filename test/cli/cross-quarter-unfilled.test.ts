/**
 * One national table still an unfilled stub from `bulletin init` does not hide
 * the cross-quarter checks of the other, filled one; the stub itself is not
 * compared (its empty figures are not read as 0).
 */
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bulletin, tempDir } from '../helpers/cli.js';
import { codes, dataWith, validate, type Finding } from '../helpers/edited-data.js';

let stubs: string;
beforeAll(async () => {
  stubs = tempDir();
  expect((await bulletin(['init', '2022Q4', '--data', stubs], { cwd: stubs })).code).toBe(0);
});

/** `cwd`'s 2022Q3 with `table` replaced by the unfilled workbook `bulletin init` writes. */
function unfilled(cwd: string, table: string): void {
  rmSync(join(cwd, 'data', '2022Q3', `${table}.csv`));
  copyFileSync(join(stubs, '2022Q4', `${table}.xlsx`), join(cwd, 'data', '2022Q3', `${table}.xlsx`));
}

const decreases = (fs: Finding[]) => fs.filter((f) => f.code === 'reconcile.national.ytd-decrease');

describe('reconcile.national.ytd-decrease with the other national table unfilled', () => {
  it('a filled national-categories is compared while national-provinces is a stub: validate and the draft', async () => {
    const cwd = dataWith({
      '2022Q3/national-categories.csv': [['电子电器,01,874,26520643,100,550242', '电子电器,01,874,26520643,60,550242']],
    });
    unfilled(cwd, 'national-provinces');
    const v = await validate(cwd);
    expect(v.code).toBe(1);
    expect(codes(v.findings)).toContain('table.unfilled');
    const found = decreases(v.findings);
    expect(found.map((f) => f.file)).toEqual(['data/2022Q3/national-categories.csv']);
    expect(found[0]?.message).toContain('电子电器 本期 60 次、550242 件，2022Q2 为 71 次、46858 件');
    // The stub is not compared at all: no province reads as 本期 0 次.
    expect(v.findings.map((f) => f.message).join('\n')).not.toContain('本期 0 次');
    const out = join(cwd, 'out');
    const args = ['build', '--quarter', '2022Q3', '--draft', '--format', 'html', '--json', '--out', out];
    const draft = JSON.parse((await bulletin(args, { cwd })).stdout) as { issues: Finding[] };
    expect(decreases(draft.issues).map((f) => f.message)).toEqual(found.map((f) => f.message));
  });

  it('a filled national-provinces is compared while national-categories is a stub', async () => {
    const cwd = dataWith({
      '2022Q3/national-provinces.csv': [['2,安徽省,101,472249,29,266553', '2,安徽省,50,472249,29,266553']],
    });
    unfilled(cwd, 'national-categories');
    const v = await validate(cwd);
    expect(v.code).toBe(1);
    expect(codes(v.findings)).toContain('table.unfilled');
    const found = decreases(v.findings);
    expect(found.map((f) => f.file)).toEqual(['data/2022Q3/national-provinces.csv']);
    expect(found[0]?.message).toContain('安徽省 本期 50 次、472249 件，2022Q2 为 72 次、205696 件');
    // So is its 本季度 against 本年 minus the previous quarter's 本年.
    const quarter = v.findings.filter((f) => f.code === 'reconcile.national.quarter');
    expect(quarter.map((f) => f.file)).toEqual(['data/2022Q3/national-provinces.csv']);
    expect(quarter[0]?.message).toContain('安徽省 本季度 29 次、266553 件，本年减上季度本年为 -22 次、266553 件');
    expect(v.findings.map((f) => f.message).join('\n')).not.toContain('本期 0 次');
  });

  it('the home province’s 本年 is still checked against its records while national-categories is a stub', async () => {
    const cwd = dataWith({ '2022Q3/national-provinces.csv': [['1,湖南省,34,570443', '1,湖南省,36,570443']] });
    unfilled(cwd, 'national-categories');
    const f = (await validate(cwd)).findings.find((x) => x.code === 'reconcile.home.ytd');
    expect(f?.file).toBe('data/2022Q3/national-provinces.csv');
    expect(f?.message).toContain('湖南省本年为 36 次、570443 件');
  });
});
