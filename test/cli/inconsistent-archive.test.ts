/**
 * An archived stats.json edited by hand (a total that is not the sum of its
 * rows, a share that does not match its counts, another quarter, a 本季度
 * above its 本年, a rank the table does not give) is a damaged archive:
 * compare stops with exit 3 naming the file and the first mismatch, never
 * printing figures computed from it; the unedited archive is read as before.
 * Run in-process through runCli, in a temporary folder.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BulletinStats } from '../../src/model/stats.js';
import { bulletin, ROOT, tempDir } from '../helpers/cli.js';

const ARCHIVED = join('data', 'archive', '2021Q4', 'stats.json');
const HINT = '  → 请用 bulletin build 重新生成该季度的存档，或删除它。\n';

/** The bundled data with 2021Q4's archive changed by `edit`. */
function projectWithArchive(edit: (s: BulletinStats) => void): string {
  const cwd = tempDir('inconsistent-archive-');
  cpSync(join(ROOT, 'data'), join(cwd, 'data'), { recursive: true });
  const stats = JSON.parse(readFileSync(join(cwd, ARCHIVED), 'utf8')) as BulletinStats;
  edit(stats);
  writeFileSync(join(cwd, ARCHIVED), JSON.stringify(stats, null, 2));
  return cwd;
}

async function compareEdited(edit: (s: BulletinStats) => void) {
  const cwd = projectWithArchive(edit);
  return bulletin(['compare', '2021Q4', '2022Q1'], { cwd });
}

const refused = (what: string) => `错误：存档 ${ARCHIVED} 的${what}：存档被改动过。\n${HINT}`;

describe('an archive whose figures disagree with each other', () => {
  it('the bundled archives, as their builds wrote them, are compared (exit 0, from the archive)', async () => {
    const cwd = projectWithArchive(() => {});
    const r = await bulletin(['compare', '2021Q2', '2021Q4'], { cwd });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`数据来源：2021Q2 存档 data/archive/2021Q2/stats.json；2021Q4 存档 ${ARCHIVED}`);
  });

  it('a category row edited, the total not: exit 3 with both figures, nothing printed', async () => {
    const r = await compareEdited((s) => void (s.byCategory[0]!.recalls += 1));
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(refused('合计召回次数为 4，但各类别之和为 5'));
  });

  it('the total edited, the rows not: the same', async () => {
    const r = await compareEdited((s) => void (s.totals.quantity = 125000));
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(refused('合计召回数量为 125000，但各类别之和为 120000'));
  });

  it('a region row and the total edited together: the categories no longer add up', async () => {
    const r = await compareEdited((s) => {
      s.byRegion[0]!.quantity += 1000;
      s.totals.quantity += 1000;
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(refused('合计召回数量为 121000，但各类别之和为 120000'));
  });

  it('a share that is not what its counts give', async () => {
    const r = await compareEdited((s) => void (s.byRegion[1]!.quantityShare = 30));
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(refused('地区“株洲市”的召回数量占比为 30%，但按其数字应为 25.35%'));
  });

  it('another quarter than its folder', async () => {
    const r = await compareEdited((s) => void (s.quarter = '2021Q3'));
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(refused('季度为 2021Q3，但它在 2021Q4 的文件夹中'));
  });

  it('a national 本季度 above its 本年 (the rows and total edited alike)', async () => {
    const r = await compareEdited((s) => {
      s.national!.quarter.rows[0]!.recalls = 600;
      s.national!.quarter.total.recalls = 600;
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(refused('全国分类汇总表中“电子电器”的本季度召回次数为 600，但本年只有 549'));
  });

  it('a province 本年 below its 本季度, kept in order', async () => {
    const r = await compareEdited((s) => {
      const ytd = s.national!.provincesYtd;
      ytd.rows[1]!.recalls = 3;
      ytd.total.recalls = ytd.rows[0]!.recalls + 3;
      s.national!.home!.ytd.recalls = 3;
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(refused('全国各省汇总表中“湖南省”的本季度召回次数为 4，但本年只有 3'));
  });

  it('the province’s national rank (what compare prints as 全国排名) edited', async () => {
    const r = await compareEdited((s) => void (s.national!.home!.ytdRank.rank = 1));
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(refused('本省（湖南省）的全国排名为第 1，但按全国各省汇总表的本年数字应为第 2'));
  });

  it('a figure that is no longer a count', async () => {
    const r = await compareEdited((s) => void ((s.totals as unknown as Record<string, unknown>).recalls = '4'));
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(
      new RegExp(`^错误：存档 ${ARCHIVED} 的字段 totals\\.recalls 不对（.+）：存档被改动过。\n`),
    );
  });

  it('compare --json: the code for scripts', async () => {
    const cwd = projectWithArchive((s) => void (s.byDefect[0]!.recalls += 1));
    const r = await bulletin(['compare', '2021Q4', '2022Q1', '--json'], { cwd });
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout)).toMatchObject({
      ok: false,
      error: { code: 'input.archive.inconsistent', exitCode: 3 },
    });
  });

  it('in a range it is a skipped quarter, with its reason (exit 1)', async () => {
    const cwd = projectWithArchive((s) => void (s.byCategory[0]!.recalls += 1));
    const r = await bulletin(['compare', '2021Q4..2022Q2'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`2021Q4：存档 ${ARCHIVED} 的合计召回次数为 4，但各类别之和为 5：存档被改动过。`);
    expect(r.stderr).toContain('[input.archive.inconsistent]');
  });

  it('build with the 同比/环比 sentence on: the edited quarter is left out, with a warning naming the mismatch', async () => {
    const cwd = projectWithArchive((s) => void (s.totals.recalls = 40));
    writeFileSync(join(cwd, 'bulletin.config.json'), JSON.stringify({ trend: true }));
    const args = ['build', '--quarter', '2022Q1', '--format', 'html', '--out', 'out', '--json', '--quiet'];
    const r = await bulletin(args, { cwd });
    expect(r.code, r.stderr).toBe(0);
    const note = (JSON.parse(r.stdout) as { issues: Array<Record<string, string>> }).issues.find(
      (i) => i.code === 'trend.unavailable',
    );
    expect(note?.message).toContain(`2021Q4：存档 ${ARCHIVED} 的合计召回次数为 40，但各类别之和为 4：存档被改动过。`);
    expect(readFileSync(join(cwd, 'out', '2022Q1', 'bulletin.html'), 'utf8')).not.toMatch(
      /与上年同期相比|与上季度相比/,
    );
  });
});

describe('an archive of another province', () => {
  it('is refused when the configured province differs (it compared 广东省 with 湖南省’s figures)', async () => {
    const cwd = projectWithArchive(() => {});
    writeFileSync(join(cwd, 'bulletin.config.json'), JSON.stringify({ province: '广东省' }));
    const r = await bulletin(['compare', '2021Q2', '2021Q4'], { cwd });
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      '存档 data/archive/2021Q2/stats.json 是湖南省（430000）的统计，而设置的本省是广东省：不同省份的数字不能相互比较。',
    );
  });
});
