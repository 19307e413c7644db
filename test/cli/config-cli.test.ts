import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bulletin, ROOT, tempDir } from '../helpers/cli.js';

const HEADER = '发布日期,生产者,产品名称,产品类别,市州,缺陷类型,召回数量,缺陷描述,典型案例';

function project(config: unknown, configName = 'bulletin.config.json'): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'inputs', '2022Q3'), { recursive: true });
  writeFileSync(
    join(dir, 'inputs', '2022Q3', 'recalls.csv'),
    `${HEADER}\n2022-07-20,广州某电器有限公司,电暖器,01,广州,电气安全,1200,漏电,是\n2022-08-02,深圳某玩具有限公司,积木,02,深圳市,机械物理,800,小零件,否\n`,
  );
  writeFileSync(join(dir, configName), typeof config === 'string' ? config : JSON.stringify(config));
  return dir;
}

describe('configuration', () => {
  it('lets another province’s center make its own bulletin by configuration alone (广东省, 21 prefectures)', async () => {
    const dir = project({
      province: '广东省',
      publisher: '广东省市场监督管理局缺陷产品召回中心',
      contact: { phone: '020-12345678' },
      data: 'inputs',
      out: 'outputs',
    });
    const r = await bulletin(['build', '--quarter', '2022Q3', '--format', 'html', '--quiet'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(dir, 'outputs', '2022Q3', 'bulletin.html'), 'utf8');
    expect(html).toContain('<div class="bulletin-name">广东缺陷产品召回</div>');
    expect(html).toContain('广东省省局开展缺陷产品召回2次，共召回缺陷产品2000件。');
    expect(html).toContain('占广东召回总数量的60.00%');
    const regions = [
      ...html.matchAll(
        /<td class="code">(\d+)<\/td><td class="name">([^<]+)<\/td><td class="num">\d+<\/td><td class="num">\d+<\/td><\/tr>/g,
      ),
    ].map((m) => m[2]);
    expect(regions).toHaveLength(21);
    expect(regions.slice(0, 3)).toEqual(['广州', '韶关', '深圳']);
    expect(html).toContain('电话：020-12345678');
  });

  it('reads bulletin.config.js exporting defineConfig, with paths relative to the file', async () => {
    const dir = project(
      `export default { province: '广东', decimals: 1, data: './inputs', out: './outputs' };\n`,
      'bulletin.config.js',
    );
    const r = await bulletin(
      ['build', '--quarter', '2022Q3', '--format', 'html', '--quiet', '--config', '../bulletin.config.js'],
      { cwd: join(dir, 'inputs') },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'outputs', '2022Q3', 'bulletin.html'), 'utf8')).toContain('占广东召回总数量的60.0%');
  });

  it('puts flags before the configuration file', async () => {
    const dir = project({ province: '广东省', data: 'inputs', out: 'outputs' });
    const out = tempDir();
    const r = await bulletin(['build', '--quarter', '2022Q3', '--format', 'html', '--out', out, '--quiet'], {
      cwd: dir,
    });
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, '2022Q3', 'stats.json'), 'utf8')).toContain('"name": "广东省"');
  });

  it('rejects a wrong setting with the list of valid ones, exit 2', async () => {
    const dir = project({ provnce: '广东省', decimals: 9 });
    const r = await bulletin(['build', '--quarter', '2022Q3', '--format', 'html'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bulletin.config.json 有误');
    expect(r.stderr).toContain('decimals');
    expect(r.stderr).toContain('可用的设置项：province');
  });

  it('uses another @fontsource package when configured, and says when it is not installed', async () => {
    const dir = project({ province: '广东省', data: 'inputs', fonts: { serif: '@fontsource/not-installed-sc' } });
    const r = await bulletin(['build', '--quarter', '2022Q3', '--format', 'html'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('配置的字体包“@fontsource/not-installed-sc”没有安装');
  });
});

describe('templates', () => {
  it('--templates replaces one partial, the rest falling back to the defaults', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'partials'));
    writeFileSync(join(dir, 'partials', 'closing.hbs'), '<aside class="closing">本期完</aside>\n');
    const out = tempDir();
    const r = await bulletin([
      'build',
      '--quarter',
      '2022Q3',
      '--format',
      'html',
      '--out',
      out,
      '--templates',
      dir,
      '--quiet',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(out, '2022Q3', 'bulletin.html'), 'utf8');
    expect(html).toContain('<aside class="closing">本期完</aside>');
    expect(html).toContain('表1 2022年第三季度湖南省消费品召回统计表');
    expect(html).not.toContain('重要提示：');
  });

  it('names the template file and line of a missing partial, exit 2', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'partials'));
    writeFileSync(join(dir, 'partials', 'closing.hbs'), '<aside>\n{{> signature}}\n</aside>\n');
    const r = await bulletin([
      'build',
      '--quarter',
      '2022Q3',
      '--format',
      'html',
      '--out',
      tempDir(),
      '--templates',
      dir,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(dir, 'partials', 'closing.hbs')} 第 2 行：找不到 partial “signature”`);
  });
});

describe('bulletin doctor', () => {
  it('says which browser, how it was found, its version, fonts, templates and whether a quarter is complete', async () => {
    const r = await bulletin(['doctor', '--quarter', '2022Q3', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.ok).toBe(true);
    expect(doc.checks.map((c: { name: string }) => c.name)).toEqual([
      '浏览器',
      '字体',
      '模板',
      'Word 图表',
      '2022Q3 数据',
    ]);
    expect(doc.checks[0].detail).toContain('只有 PDF 需要浏览器');
    expect(doc.checks[0].detail).toMatch(
      /（(在系统常用位置找到|来自环境变量 \w+|Puppeteer 自带)），(Chromium|Google Chrome|Chrome)/,
    );
  });

  it('fails with the code a build would fail with', async () => {
    expect((await bulletin(['doctor', '--browser', '/nonexistent/chrome'])).code).toBe(4);
    const data = tempDir();
    mkdirSync(join(data, '2022Q3'));
    writeFileSync(join(data, '2022Q3', 'recalls.csv'), `${HEADER}\n2022-07-20,甲,乙,99,长沙,机械物理,1,描述,否\n`);
    const r = await bulletin(['doctor', '--quarter', '2022Q3', '--data', data]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('✗ 2022Q3 数据');
    expect((await bulletin(['doctor', '--quarter', '2019Q1'])).code).toBe(1);
  });
});

it('keeps the repository’s own configuration valid', async () => {
  expect(JSON.parse(readFileSync(join(ROOT, 'bulletin.config.json'), 'utf8')).province).toBe('湖南省');
});
