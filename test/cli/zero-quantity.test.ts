import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bulletin, tempDir } from '../helpers/cli.js';
import { RECORD_HEADER } from '../helpers/synthetic-records.js';

/** A data folder whose 2022Q3 recalls are `rows` (CSV lines after the header). */
function dataWith(rows: string[]): string {
  const data = tempDir();
  mkdirSync(join(data, '2022Q3'));
  writeFileSync(join(data, '2022Q3', 'recalls.csv'), [RECORD_HEADER, ...rows, ''].join('\n'));
  return data;
}

describe('a quarter whose every 召回数量 is 0', () => {
  const rows = [
    '2022-08-20,A,测试产品,X1,01,长沙,机械物理,0,描述,否',
    '2022-08-20,B,测试产品,X1,02,长沙,机械物理,0,描述,否',
  ];

  it('builds (no internal error) and prints no quantity share anywhere', async () => {
    const data = dataWith(rows);
    const out = tempDir();
    const r = await bulletin(['build', '--quarter', '2022Q3', '--data', data, '--out', out, '--format', 'html']);
    expect(r.stderr).not.toContain('内部错误');
    expect(r.code).toBe(0);
    const html = readFileSync(join(out, '2022Q3', 'bulletin.html'), 'utf8');
    expect(html).toContain('各类别召回数量均为0件。');
    expect(html).not.toContain('召回总数量的');
    expect(html).not.toContain('各类别召回数量占比');
    const stats = JSON.parse(readFileSync(join(out, '2022Q3', 'stats.json'), 'utf8')) as {
      byCategory: Array<{ recallShare: number | null; quantityShare: number | null }>;
      byRegion: Array<{ quantityShare: number | null }>;
    };
    expect(stats.byCategory.map((c) => c.quantityShare)).toEqual(Array(10).fill(null));
    expect(stats.byRegion.every((x) => x.quantityShare === null)).toBe(true);
    expect(stats.byCategory.slice(0, 2).map((c) => c.recallShare)).toEqual([50, 50]);
  });

  it('stats leaves the quantity-share cells empty rather than printing 0.00', async () => {
    const data = dataWith(rows);
    const r = await bulletin(['stats', '--quarter', '2022Q3', '--data', data, '--csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split(/\r?\n/);
    const cat = lines.find((l) => l.startsWith('本省按类别,电子电器'));
    expect(cat?.split(',').slice(-2)).toEqual(['50.00', '']);
    const region = lines.find((l) => l.startsWith('本省按市州,长沙'));
    expect(region?.split(',').at(-1)).toBe('');
  });
});
