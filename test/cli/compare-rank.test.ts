/**
 * compare's 全国排名 is the rank each quarter's issue prints (位居全国第N, by
 * 本年), the one its trend sentence compares: not a quarter rank of the same
 * name. Here 安徽's 本年 overtakes 湖南's in 2022Q3 while 湖南 still leads the
 * quarter: the issue says 位居全国第二, and so must compare.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bulletin, ROOT, tempDir } from '../helpers/cli.js';

function projectWithAnhuiAhead(): string {
  const cwd = tempDir();
  cpSync(join(ROOT, 'data'), join(cwd, 'data'), { recursive: true });
  cpSync(join(ROOT, 'bulletin.config.json'), join(cwd, 'bulletin.config.json'));
  const file = join(cwd, 'data', '2022Q3', 'national-provinces.csv');
  const text = readFileSync(file, 'utf8');
  if (!text.includes('2,安徽省,101,472249,29,266553')) throw new Error('the sample changed');
  writeFileSync(file, text.replace('2,安徽省,101,472249,29,266553', '2,安徽省,101,600000,29,266553'));
  return cwd;
}

describe('compare: 全国排名', () => {
  it('is the 本年 rank each issue prints, as the trend sentence has it, not the quarter rank', async () => {
    const cwd = projectWithAnhuiAhead();
    const stats = JSON.parse((await bulletin(['stats', '--quarter', '2022Q3', '--json'], { cwd })).stdout);
    expect(stats.national.home.ytdRank).toEqual({ rank: 2, tied: false });
    // 湖南's quarter (418448 件) still leads the 本季度 table.
    expect(stats.national.provincesQuarter.rows[0].name).toBe('湖南省');
    const r = await bulletin(['compare', '2022Q2', '2022Q3', '--json'], { cwd });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).comparison.province.rank).toEqual({ from: 2, to: 2, fromTied: false, toTied: false });
    const csv = (await bulletin(['compare', '2022Q2', '2022Q3', '--csv'], { cwd })).stdout;
    expect(csv).toContain('湖南省,合计,全国排名,2,2,0,,');
  });
});
