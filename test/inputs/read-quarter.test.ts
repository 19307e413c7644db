/** readQuarter, the library's one way to read a quarter: typed "no data", one naming rule, loose files as a folder. */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BulletinError, DEFAULT_CONFIG, parseQuarter, readQuarter } from '../../src/index.js';
import { ROOT, tempDir } from '../helpers/cli.js';

const quarter = parseQuarter('2022Q3');
const NATIONAL = ['发布日期,省份,产品类别,召回数量', '2022-08-01,湖南省,04,5000', '2022-08-02,广东省,02,7000'];

describe('readQuarter', () => {
  it('says why there is no data: no folder, or no records file in it (with what is there)', async () => {
    const cwd = tempDir();
    const none = await readQuarter({ dataDir: cwd, quarter }, { config: DEFAULT_CONFIG, cwd });
    expect(none.ok).toBe(false);
    if (none.ok) return;
    expect(none.noData.reason).toBe('no-folder');
    expect(none.noData.error.code).toBe('input.quarter-dir.missing');

    mkdirSync(join(cwd, '2022Q3'));
    writeFileSync(join(cwd, '2022Q3', 'notes.txt'), 'x');
    const empty = await readQuarter({ dataDir: cwd, quarter }, { config: DEFAULT_CONFIG, cwd });
    expect(empty.ok ? null : [empty.noData.reason, empty.noData.error.code]).toEqual([
      'no-records',
      'input.records.missing',
    ]);
    expect(empty.ok ? '' : empty.noData.error.message).toContain('notes.txt');
  });

  it('refuses two records files that differ only in extension and case', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, '2022Q3'));
    cpSync(join(ROOT, 'data', '2022Q3', 'recalls.xlsx'), join(cwd, '2022Q3', 'Recalls.XLSX'));
    writeFileSync(join(cwd, '2022Q3', 'RECALLS.csv'), '');
    const read = readQuarter({ dataDir: cwd, quarter }, { config: DEFAULT_CONFIG, cwd });
    await expect(read).rejects.toBeInstanceOf(BulletinError);
    await expect(read).rejects.toMatchObject({ code: 'config.input.ambiguous' });
  });

  it('an issue.json that is there but cannot be read is a finding and makes the quarter unreadable', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, '2022Q3'));
    cpSync(join(ROOT, 'data', '2022Q3', 'recalls.xlsx'), join(cwd, '2022Q3', 'recalls.xlsx'));
    mkdirSync(join(cwd, '2022Q3', 'Issue.json'));
    const read = await readQuarter({ dataDir: cwd, quarter }, { config: DEFAULT_CONFIG, cwd });
    if (!read.ok) throw new Error('has data');
    expect(read.data.unreadable).toBe(true);
    expect(read.data.issues.find((i) => i.code === 'input.file.unreadable')?.file).toBe('2022Q3/Issue.json');
  });

  it('reads loose files as the folder they come from: national-recalls used, reconciled once', async () => {
    const cwd = tempDir();
    const dir = join(cwd, '2022Q3');
    mkdirSync(dir);
    cpSync(join(ROOT, 'data', '2022Q3', 'recalls.xlsx'), join(dir, 'RECALLS.xlsx'));
    writeFileSync(join(dir, 'National-Recalls.csv'), `${NATIONAL.join('\n')}\n`);
    const opts = { config: DEFAULT_CONFIG, cwd, archiveDirs: [join(cwd, 'out')] };
    const folder = await readQuarter({ dataDir: cwd, quarter }, opts);
    const loose = await readQuarter({ files: ['2022Q3/RECALLS.xlsx', '2022Q3/National-Recalls.csv'], quarter }, opts);
    if (!folder.ok || !loose.ok) throw new Error('both have data');
    expect(folder.data.national?.source).toBe('records');
    expect(loose.data.national).toEqual(folder.data.national);
    expect(loose.data.totals).toEqual(folder.data.totals);
    const home = (issues: typeof folder.data.issues) => issues.filter((i) => i.code === 'reconcile.home.quarter');
    expect(home(folder.data.issues)).toHaveLength(1);
    expect(home(loose.data.issues)).toEqual(home(folder.data.issues));
    expect(home(folder.data.issues)[0]?.file).toBe('2022Q3/RECALLS.xlsx');
  });
});
