/**
 * Summary-table values that would print a wrong figure as if exact, each in a
 * copy of a sample quarter with one file changed: validate names the cell,
 * the build refuses (errors) or goes on (warnings).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildData, quarterWith, validateData, type Finding } from '../helpers/edited-quarter.js';

const found = (fs: Finding[], prefix: string) => fs.filter((f) => f.code.startsWith(prefix));

describe('a bureau listed twice in 表4', () => {
  it('is refused: the build writes nothing (it printed 41 shared clues instead of 36)', async () => {
    // In the file's own line ending: a lone LF in a CRLF file runs two rows together (structure.row.extra-cells).
    const data = quarterWith('clues.csv', (t) =>
      t.replace(/^,总计/m, `16,长沙市市场监督管理局,5,3,0${t.includes('\r\n') ? '\r\n' : '\n'},总计`),
    );
    const v = await validateData(data);
    expect(v.code).toBe(1);
    expect(found(v.findings, 'value.clues.').map((f) => [f.code, f.row])).toEqual([['value.clues.duplicate', 17]]);
    const b = await buildData(data);
    expect(b.code).toBe(1);
    expect(b.wrote).toBe(false);
  });
});

describe('the foreign table: a country written another way', () => {
  it('美國, USA and 欧洲联盟 beside 美国 and 欧盟 are refused (they printed 七个国家地区)', async () => {
    const data = quarterWith(
      'foreign.csv',
      (t) => `${t.trimEnd()}\r\n美國,10,1000,,\r\nUSA,12,1000,,\r\n欧洲联盟,13,1000,,\r\n`,
    );
    const v = await validateData(data);
    expect(v.code).toBe(1);
    expect(found(v.findings, 'value.foreign.').map((f) => [f.code, f.row])).toEqual([
      ['value.foreign.duplicate', 6],
      ['value.foreign.duplicate', 7],
      ['value.foreign.duplicate', 8],
    ]);
    expect((await buildData(data)).wrote).toBe(false);
  });

  it('a row written USA alone is printed as 美国, with a warning', async () => {
    const data = quarterWith('foreign.csv', (t) => t.replace(/^美国,/m, 'USA,'));
    const v = await validateData(data);
    expect(v.code).toBe(0);
    expect(found(v.findings, 'value.foreign.').map((f) => [f.severity, f.code, f.value])).toEqual([
      ['warning', 'value.foreign.alias', 'USA'],
    ]);
    const b = await buildData(data, ['--json']);
    expect(b.code).toBe(0);
    const stats = JSON.parse(readFileSync(join(b.out, '2022Q3', 'stats.json'), 'utf8')) as {
      foreign: { jurisdictions: Array<{ name: string }> };
    };
    expect(stats.foreign.jurisdictions.map((j) => j.name)).toEqual(['美国', '欧盟', '日本', '澳大利亚']);
    const html = readFileSync(join(b.out, '2022Q3', 'bulletin.html'), 'utf8');
    expect(html).toContain('美国、欧盟、日本、澳大利亚四个国家地区');
    expect(html).toContain('美国实施召回192次');
    expect(html).not.toMatch(/USA(、|实施|召回|<\/td>)/);
  });
});

describe('a rounded figure in a national table', () => {
  it('累计 2598.82万 (from a sentence) is refused, not printed as 25988200', async () => {
    const data = quarterWith(
      'national-categories.csv',
      (t) => t.replace('电子电器,01,802,25988207,', '电子电器,01,802,2598.82万,'),
      '2022Q1',
    );
    const v = await validateData(data, '2022Q1');
    expect(v.code).toBe(1);
    expect(found(v.findings, 'value.number.').map((f) => [f.code, f.row, f.column, f.value])).toEqual([
      ['value.number.rounded', 2, 'D', '2598.82万'],
    ]);
    const b = await buildData(data, [], '2022Q1');
    expect(b.code).toBe(1);
    expect(b.wrote).toBe(false);
    expect(b.stdout + b.stderr).toContain('[value.number.rounded]');
  });
});
