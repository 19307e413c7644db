/**
 * Summary-table values that would print a wrong figure as if exact, each in a
 * copy of a sample quarter with one file changed: validate names the cell,
 * the build refuses (errors) or goes on (warnings).
 */
import { describe, expect, it } from 'vitest';
import { buildData, quarterWith, validateData, type Finding } from '../helpers/edited-quarter.js';

const found = (fs: Finding[], prefix: string) => fs.filter((f) => f.code.startsWith(prefix));

describe('a bureau listed twice in 表4', () => {
  it('is refused: the build writes nothing (it printed 41 shared clues instead of 36)', async () => {
    const data = quarterWith('clues.csv', (t) => t.replace(/^,总计/m, '16,长沙市市场监督管理局,5,3,0\n,总计'));
    const v = await validateData(data);
    expect(v.code).toBe(1);
    expect(found(v.findings, 'value.clues.').map((f) => [f.code, f.row])).toEqual([['value.clues.duplicate', 17]]);
    const b = await buildData(data);
    expect(b.code).toBe(1);
    expect(b.wrote).toBe(false);
  });
});
