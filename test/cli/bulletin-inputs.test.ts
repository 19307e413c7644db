import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bulletin, ROOT, tempDir } from '../helpers/cli.js';

/** A copy of the bundled data folder to modify. */
function copyData(): string {
  const data = tempDir();
  cpSync(join(ROOT, 'data', '2022Q3'), join(data, '2022Q3'), { recursive: true });
  return data;
}

describe('bulletin build: the quarter folder', () => {
  it('refuses two issues with the same number, naming both quarters', async () => {
    const data = copyData();
    mkdirSync(join(data, '2022Q2'));
    writeFileSync(join(data, '2022Q2', 'issue.json'), JSON.stringify({ number: 3, totalNumber: 2 }));
    const r = await bulletin(['build', '--quarter', '2022Q3', '--data', data, '--out', tempDir(), '--format', 'html']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('期号重复：2022年第二季度和2022年第三季度都是第3期。');
  });

  it('derives the issue number from the previous quarter when issue.json does not state it', async () => {
    const data = copyData();
    writeFileSync(join(data, '2022Q3', 'issue.json'), JSON.stringify({ publicationDate: '2022-11-08' }));
    mkdirSync(join(data, '2022Q2'));
    writeFileSync(join(data, '2022Q2', 'issue.json'), JSON.stringify({ number: 2, totalNumber: 2 }));
    const out = tempDir();
    const r = await bulletin(['build', '--quarter', '2022Q3', '--data', data, '--out', out, '--format', 'html']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(out, '2022Q3', 'bulletin.html'), 'utf8')).toContain(
      '<div class="issue-line">第3期（总第3期）</div>',
    );
  });

  it('builds a quarter that has only its recall records, warning about each missing section', async () => {
    const data = tempDir();
    mkdirSync(join(data, '2022Q3'));
    cpSync(join(ROOT, 'data', '2022Q3', 'recalls.xlsx'), join(data, '2022Q3', 'recalls.xlsx'));
    const out = tempDir();
    const r = await bulletin([
      'build',
      '--quarter',
      '2022Q3',
      '--data',
      data,
      '--out',
      out,
      '--format',
      'html',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.issues.map((i: { code: string }) => i.code)).toEqual([
      'input.section.missing',
      'input.section.missing',
      'input.section.missing',
      'meta.number.derived',
    ]);
    // No issue.json and no quarter before it: the masthead's 第1期 is a guess, and said to be one.
    expect(doc.issues.at(-1).message).toContain('公报将按推算印出第1期（总第1期）；但没有找到2022年第二季度的期号');
    const html = readFileSync(join(out, '2022Q3', 'bulletin.html'), 'utf8');
    expect(html).toContain('2022年第三季度（截至9月30日），湖南省省局开展缺陷产品召回8次');
    expect(html).not.toContain('二、全国缺陷产品召回情况');
  });

  it('computes the national tables from a record-level export when one is given', async () => {
    const data = copyData();
    // Hunan's rows of the quarter are its 8 records (418448 件): the export cannot have fewer than the records.
    const hunan = [...Array.from({ length: 7 }, () => 50000), 68448].map((q, i) => `2022-08-${10 + i},湖南省,04,${q}`);
    const rows = [
      '发布日期,省份,产品类别,召回数量',
      '2021-03-01,广东省,01,100',
      '2022-05-01,湖南省,04,1000',
      ...hunan,
      '2022-08-02,广东省,02,700000',
    ];
    writeFileSync(join(data, '2022Q3', 'national-recalls.csv'), `${rows.join('\n')}\n`);
    const out = tempDir();
    const r = await bulletin(['build', '--quarter', '2022Q3', '--data', data, '--out', out, '--format', 'html']);
    expect(r.code, r.stderr).toBe(0);
    const stats = JSON.parse(readFileSync(join(out, '2022Q3', 'stats.json'), 'utf8'));
    expect(stats.national.source).toBe('records');
    expect(stats.national.cumulative.total).toEqual({ recalls: 11, quantity: 1119548 });
    expect(stats.national.provincesYtd.rows.map((p: { name: string }) => p.name)).toEqual(['广东省', '湖南省']);
    const html = readFileSync(join(out, '2022Q3', 'bulletin.html'), 'utf8');
    expect(html).toContain('2022年前三季度湖南省省局开展消费品缺陷产品召回9次，共召回缺陷产品419448件，位居全国第二');
  });

  it('refuses an article image that points outside the data folder', async () => {
    const data = copyData();
    const file = join(data, '2022Q3', 'articles', '01-director-inspection.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('images/01-inspection.svg', '../../../../etc/passwd'));
    const r = await bulletin(['build', '--quarter', '2022Q3', '--data', data, '--out', tempDir(), '--format', 'html']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /01-director-inspection\.md 第 \d+ 行：图片“..\/..\/..\/..\/etc\/passwd”在本季度数据文件夹之外，不会被读取。/,
    );
  });

  it('judges a path out of the folder by the path, not by whether something is there; a bad % escape is named', async () => {
    const data = copyData();
    const file = join(data, '2022Q3', 'articles', '01-director-inspection.md');
    const text = readFileSync(file, 'utf8');
    const images = ['../../no-such-folder/x.png', 'images/%E4%ZZ.png'];
    writeFileSync(file, `${text}\n![a](${images[0]})\n\n![b](${images[1]})\n`);
    const r = await bulletin(['validate', join(data, '2022Q3'), '--json']);
    const found = (JSON.parse(r.stdout) as { findings: Array<{ code: string; message: string }> }).findings;
    expect(found.filter((f) => f.code.startsWith('article.image.')).map((f) => [f.code, f.message])).toEqual([
      ['article.image.outside', '图片“../../no-such-folder/x.png”在本季度数据文件夹之外，不会被读取。'],
      ['article.image.missing', '找不到图片“images/%E4%ZZ.png”（路径中的 % 编码无效）。'],
    ]);
  });
});
