import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bulletin, tempDir } from '../helpers/cli.js';
import { RECORD_HEADER } from '../helpers/synthetic-records.js';

const FOREIGN_HEADER = '国家地区,召回次数（次）,召回数量（件）,中国产品召回次数（次）,中国产品召回数量（件）';

/** A 2022Q3 data folder with one record and the given foreign tables (CSV lines after the header). */
function dataWith(foreign: string[], categories: string[] | null): string {
  const data = tempDir();
  const q = join(data, '2022Q3');
  mkdirSync(q);
  writeFileSync(
    join(q, 'recalls.csv'),
    `${RECORD_HEADER}\n2022-08-20,测试企业X,测试产品,X1,01,长沙,机械物理,100,描述,否\n`,
  );
  writeFileSync(join(q, 'foreign.csv'), [FOREIGN_HEADER, ...foreign, ''].join('\n'));
  if (categories)
    writeFileSync(join(q, 'foreign-categories.csv'), ['产品类别,召回次数,召回数量', ...categories, ''].join('\n'));
  return data;
}

interface ForeignJson {
  jurisdictions: Array<{
    recallShare: number | null;
    chinaRecallShare: number | null;
    chinaQuantityShare: number | null;
  }>;
  categories: Array<{ recallShare: number | null; quantityShare: number | null }>;
}

async function build(data: string): Promise<{ html: string; foreign: ForeignJson }> {
  const out = tempDir();
  const r = await bulletin(['build', '--quarter', '2022Q3', '--data', data, '--out', out, '--format', 'html']);
  expect(r.stderr).not.toContain('内部错误');
  expect(r.code).toBe(0);
  const html = readFileSync(join(out, '2022Q3', 'bulletin.html'), 'utf8').replace(/<wbr>/g, '');
  const stats = JSON.parse(readFileSync(join(out, '2022Q3', 'stats.json'), 'utf8')) as { foreign: ForeignJson };
  return { html, foreign: stats.foreign };
}

describe('the foreign section prints no share of a total of 0', () => {
  it('all-zero jurisdictions: null shares in stats.json, no 0.00% and no leader in the bulletin', async () => {
    const { html, foreign } = await build(dataWith(['美国,0,0,0,0', '欧盟,0,0,0,0'], ['电子电器,0,0', '儿童用品,0,0']));
    expect(html).not.toContain('召回次数最多，占比0.00%');
    expect(html).not.toContain('召回产品总次数的0.00%');
    expect(html).not.toContain('总数量的0.00%');
    expect(html).toContain('各类别召回均为0次。');
    for (const j of foreign.jurisdictions)
      expect([j.recallShare, j.chinaRecallShare, j.chinaQuantityShare]).toEqual([null, null, null]);
    for (const c of foreign.categories) expect([c.recallShare, c.quantityShare]).toEqual([null, null]);
  });

  it('stats --csv leaves the share cells of such rows empty', async () => {
    const data = dataWith(['美国,0,0,0,0'], ['电子电器,0,0']);
    const r = await bulletin(['stats', '--quarter', '2022Q3', '--data', data, '--csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split(/\r?\n/);
    expect(
      lines
        .find((l) => l.startsWith('国外,美国'))
        ?.split(',')
        .slice(-2),
    ).toEqual(['', '']);
    expect(
      lines
        .find((l) => l.startsWith('国外按类别,电子电器'))
        ?.split(',')
        .slice(-2),
    ).toEqual(['', '']);
  });

  it('ties: every leader named with its own share', async () => {
    const { html } = await build(
      dataWith(['美国,10,1000,5,100', '欧盟,10,1000,5,100', '日本,10,5,1,1'], ['电子电器,5,500', '儿童用品,5,500']),
    );
    expect(html).toContain('美国、欧盟和日本召回次数最多，均为10次，分别占召回总次数的33.34%、33.33%和33.33%。');
    expect(html).toContain('电子电器和儿童用品召回数量最多，均涉及产品500件，各占已公开召回总数量的50.00%。');
  });
});
