import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bulletinProcess, tempDir } from '../helpers/cli.js';
import { RECORD_HEADER, REGIONS } from '../helpers/synthetic-records.js';

/** A quarter folder of n valid records from 700 manufacturers; every 10,000th record is a typical case. */
function quarter(n: number): { data: string; quantity: number } {
  const data = tempDir();
  mkdirSync(join(data, '2022Q3'));
  const lines = [RECORD_HEADER];
  let quantity = 0;
  for (let i = 0; i < n; i++) {
    const q = 1 + (i % 997);
    quantity += q;
    lines.push(
      `2022-0${7 + (i % 3)}-${String(1 + (i % 28)).padStart(2, '0')},湖南某制造有限公司${i % 700},产品${i},M-${i},${String(1 + (i % 10)).padStart(2, '0')},${REGIONS[i % 14]},机械物理,${q},描述,${i % 10_000 === 0 ? '是' : '否'}`,
    );
  }
  writeFileSync(join(data, '2022Q3', 'recalls.csv'), `${lines.join('\n')}\n`);
  return { data, quantity };
}

describe('the figures of a large quarter', () => {
  it('are gathered without holding the records: 200,000 records within a 40 MB heap (on both threads), which holding them cannot do', () => {
    const { data, quantity } = quarter(200_000);
    const args = ['stats', '--quarter', '2022Q3', '--data', data, '--out', join(data, 'out'), '--json'];
    // The heap limit is Node's own: the real binary.
    const limited = { NODE_OPTIONS: '--max-old-space-size=40' };
    const streamed = bulletinProcess(args, { cwd: data, env: { ...limited, BULLETIN_STREAM_BYTES: '1' } });
    expect(streamed.stderr).toBe('');
    expect(streamed.code).toBe(0);
    const stats = JSON.parse(streamed.stdout);
    expect(stats.totals).toEqual({ recalls: 200_000, quantity, manufacturers: 700 });
    expect(stats.byRegion.map((r: { manufacturers: number }) => r.manufacturers)).toEqual(Array(14).fill(50));
    expect(stats.typicalCases).toHaveLength(20);
    // The same quarter read whole (as a small file is) does not fit: the limit is what the test measures.
    const held = bulletinProcess(args, { cwd: data, env: { ...limited, BULLETIN_STREAM_BYTES: String(1e12) } });
    expect(held.code).not.toBe(0);
  }, 120_000);
});
