import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bulletin, bulletinProcess, ROOT, tempDir } from '../helpers/cli.js';

/** A data folder holding one quarter whose recall file is `source`. */
function dataWith(source: string, name = 'recalls.csv'): string {
  const data = tempDir();
  mkdirSync(join(data, '2022Q3'));
  cpSync(source, join(data, '2022Q3', name));
  return data;
}

describe('bulletin build (HTML only: no browser needed)', () => {
  it('builds the bundled 2022Q3 sample with every figure of the report in the HTML', async () => {
    const out = tempDir();
    const r = await bulletin(['build', '--quarter', '2022-Q3', '--out', out, '--format', 'html']);
    expect(r.stderr).not.toMatch(/错误/);
    expect(r.code).toBe(0);
    expect(readdirSync(join(out, '2022Q3')).sort()).toEqual(['bulletin.html', 'stats.json']);
    const html = readFileSync(join(out, '2022Q3', 'bulletin.html'), 'utf8');
    for (const text of [
      '2022年第三季度（截至9月30日），湖南省省局开展缺陷产品召回8次，共召回缺陷产品418448件。',
      '表1 2022年第三季度湖南省消费品召回统计表',
      '<td class="name">家用日用品</td><td class="code">04</td><td class="num">1</td><td class="num">257500</td>',
      '<td class="name">文教体育用品</td><td class="code">08</td><td class="num">3</td><td class="num">94300</td>',
      '<td class="name">五金建材</td><td class="code">09</td><td class="num">0</td><td class="num">0</td>',
      '<td class="name">合计</td><td class="code"></td><td class="num">8</td><td class="num">418448</td>',
      '占湖南召回总数量的61.54%',
      '占总召回次数的37.50%',
      '<td class="code">3</td><td class="name">湘潭</td><td class="num">2</td><td class="num">3550</td>',
      '<td class="code">5</td><td class="name">邵阳</td><td class="num">2</td><td class="num">258000</td>',
      '<td class="code">14</td><td class="name">湘西自治州</td><td class="num">0</td><td class="num">0</td>',
      '有6批次产品存在机械物理类缺陷，占总召回批次75.00%',
      '有2批次产品存在电气安全类缺陷，占总召回批次25.00%',
      '表2 2022年第三季度湖南省消费品召回典型案例',
      '<td class="name">湖南省豪牌电气有限公司</td>',
      '<td class="num">257500只</td>',
      '<td class="period">2019.04-2019.05</td>',
    ]) {
      expect(html, text).toContain(text);
    }
    const stats = JSON.parse(readFileSync(join(out, '2022Q3', 'stats.json'), 'utf8'));
    expect(stats).toMatchObject({ schemaVersion: 1, quarter: '2022Q3', totals: { recalls: 8, quantity: 418448 } });
  });

  it('prints a machine-readable result with --json on stdout', async () => {
    const out = tempDir();
    const r = await bulletin(['build', '--quarter', '2022q3', '--out', out, '--format', 'html', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ ok: true, quarter: '2022Q3', summary: { errors: 0 } });
    expect(
      doc.issues.filter((i: { severity: string }) => i.severity === 'warning').map((i: { code: string }) => i.code),
    ).toEqual(['total.mismatch', 'reconcile.national.totals', 'reconcile.foreign.categories']);
    expect(doc.files[0]).toMatchObject({
      file: 'data/2022Q3/recalls.xlsx',
      format: 'xlsx',
      headerRow: 3,
      rows: { read: 8, accepted: 8, rejected: 0, totalRows: 1 },
    });
    expect(doc.outputs.map((p: string) => p.split('/').pop()).sort()).toEqual(['bulletin.html', 'stats.json']);
  });

  it('gives identical stats.json for the same records as CSV UTF-8, CSV GBK and XLSX', async () => {
    const results = [];
    for (const [fixture, name] of [
      ['recalls-utf8.csv', 'recalls.csv'],
      ['recalls-gbk.csv', 'recalls.csv'],
      ['recalls.xlsx', 'recalls.xlsx'],
    ]) {
      const data = dataWith(join(ROOT, 'fixtures', 'sample-records', fixture!), name);
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
      expect(r.code, r.stderr).toBe(0);
      results.push({
        stats: readFileSync(join(out, '2022Q3', 'stats.json'), 'utf8'),
        encoding: JSON.parse(r.stdout).files[0].encoding as string | null,
      });
    }
    expect(results[1]!.stats).toBe(results[0]!.stats);
    expect(results[2]!.stats).toBe(results[0]!.stats);
    expect(results.map((r) => r.encoding)).toEqual(['UTF-8', 'GBK/GB18030', null]);
  });

  it('runs from any directory', async () => {
    const out = tempDir();
    const r = await bulletin(
      ['build', '--quarter', '2022Q3', '--data', join(ROOT, 'data'), '--out', out, '--format', 'html', '--quiet'],
      { cwd: tempDir() },
    );
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('[读取]');
    expect(r.stderr).not.toContain('错误');
    expect(existsSync(join(out, '2022Q3', 'bulletin.html'))).toBe(true);
  });
});

describe('bulletin build: failures keep their exit codes and lose nothing', () => {
  it('exits 1 on invalid data, names file/row/column, and leaves earlier outputs untouched', async () => {
    const data = tempDir();
    mkdirSync(join(data, '2022Q3'));
    const csv = readFileSync(join(ROOT, 'fixtures', 'sample-records', 'recalls-utf8.csv'), 'utf8').replace(
      '株洲,机械物理',
      '广州,机械物理',
    );
    writeFileSync(join(data, '2022Q3', 'recalls.csv'), csv);
    const out = tempDir();
    mkdirSync(join(out, '2022Q3'));
    writeFileSync(join(out, '2022Q3', 'bulletin.html'), 'earlier build');
    const r = await bulletin(['build', '--quarter', '2022Q3', '--data', data, '--out', out, '--format', 'html']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `错误 ${join(data, '2022Q3', 'recalls.csv')} 第 2 行 H 列（市州）：“广州”属于广东省，不在湖南省。`,
    );
    expect(r.stderr).toContain('→ 本公报只统计湖南省的召回');
    expect(r.stderr).toContain('没有生成任何文件');
    expect(readdirSync(join(out, '2022Q3'))).toEqual(['bulletin.html']);
    expect(readFileSync(join(out, '2022Q3', 'bulletin.html'), 'utf8')).toBe('earlier build');
  });

  it('exits 2 on a bad quarter, an unknown format or an unknown option', async () => {
    for (const args of [
      ['--quarter', '2022Q5'],
      ['--quarter', '2022Q3', '--format', 'odt'],
      ['--quarter', '2022Q3', '--colour'],
      // Past a day the build's limit (twenty times it) would overflow Node's timers and fire at once.
      ['--quarter', '2022Q3', '--timeout', '110000'],
      ['--quarter', '2022Q3', '--timeout', '0'],
    ]) {
      const r = await bulletin(['build', ...args, '--out', tempDir()]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.length).toBeGreaterThan(0);
      expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
    }
  });

  it('exits 2 when --quarter is missing, saying so in Chinese', async () => {
    const r = await bulletin(['build']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('错误：缺少必需的选项 -q, --quarter <quarter>。');
    expect((await bulletin(['build', '--quarter', '2022Q3', '--colour'])).stderr).toContain(
      '错误：不认识的选项 --colour。',
    );
    expect((await bulletin(['publish'])).stderr).toContain('错误：没有 publish 这个命令。');
  });

  it('exits 3 when the quarter folder or its records are missing', async () => {
    const r = await bulletin(['build', '--quarter', '2019Q1', '--out', tempDir()]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('找不到季度数据文件夹');
    const empty = tempDir();
    mkdirSync(join(empty, '2022Q3'));
    writeFileSync(join(empty, '2022Q3', 'notes.txt'), 'x');
    const r2 = await bulletin(['build', '--quarter', '2022Q3', '--data', empty, '--out', tempDir()]);
    expect(r2.code).toBe(3);
    expect(r2.stderr).toContain('没有召回记录文件 recalls.xlsx 或 recalls.csv。现有文件：notes.txt。');
  });

  it('exits 3 on an unreadable workbook', async () => {
    const data = tempDir();
    mkdirSync(join(data, '2022Q3'));
    writeFileSync(join(data, '2022Q3', 'recalls.xlsx'), 'this is not a zip');
    const r = await bulletin(['build', '--quarter', '2022Q3', '--data', data, '--out', tempDir()]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('文件内容不是 Excel 工作簿');
  });

  it('reads a named sheet with --sheet, and exits 3 naming the sheets when it is missing', async () => {
    const ok = await bulletin([
      'build',
      '--quarter',
      '2022Q3',
      '--sheet',
      '召回记录',
      '--format',
      'html',
      '--out',
      tempDir(),
    ]);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toContain('检查 8 行召回记录（工作表“召回记录”）');
    const r = await bulletin(['build', '--quarter', '2022Q3', '--sheet', '汇总', '--out', tempDir()]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('找不到工作表“汇总”。现有工作表：召回记录。');
  });

  it('exits 4 when no browser can be found for the PDF', async () => {
    const r = await bulletin(['build', '--quarter', '2022Q3', '--out', tempDir(), '--browser', '/nonexistent/chrome']);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('/nonexistent/chrome');
    expect(r.stderr).toContain('apt-get install -y chromium');
  });

  it('answers --help and --version with exit 0', async () => {
    const help = await bulletin(['build', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--quarter');
    const version = bulletinProcess(['--version']); // the real binary, as an install check would run it
    expect(version.code).toBe(0);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    expect(version.stdout.trim()).toBe(pkg);
    // With --json, the one document scripts parse (it was the plain line).
    for (const args of [
      ['--version', '--json'],
      ['--json', '-V'],
    ]) {
      const r = await bulletin(args);
      expect([r.code, JSON.parse(r.stdout)]).toEqual([0, { schemaVersion: 1, ok: true, version: pkg }]);
    }
  });
});

describe('bulletin build: several quarters in one run', () => {
  it('builds a range with one browser and reports each quarter', async () => {
    const out = tempDir();
    const r = await bulletin(['build', '--quarter', '2022Q1..2022Q2', '--out', out, '--format', 'html', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.results.map((x: { quarter: string; ok: boolean }) => [x.quarter, x.ok])).toEqual([
      ['2022Q1', true],
      ['2022Q2', true],
    ]);
    expect(readdirSync(join(out, '2022Q2')).sort()).toEqual(['bulletin.html', 'stats.json']);
  });

  // The missing quarter stopped the run with exit 3 and no results, after the others were written.
  it('a range with a quarter that has no data folder builds nothing: exit 3, the folder named', async () => {
    const out = tempDir();
    const r = await bulletin(['build', '--quarter', '2022Q1..2022Q4', '--out', out, '--format', 'html', '--json']);
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'input.quarter-dir.missing', exitCode: 3 });
    expect(readdirSync(out)).toEqual([]);
  });

  it('builds a quarter named twice (2022Q3,2022q3, or inside a range) once, not twice at once into one folder', async () => {
    const out = tempDir();
    const r = await bulletin([
      'build',
      '--quarter',
      '2022Q2,2022Q3,2022q3,2022Q2..2022Q3',
      '--out',
      out,
      '--format',
      'html',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.results.map((x: { quarter: string; ok: boolean }) => [x.quarter, x.ok])).toEqual([
      ['2022Q2', true],
      ['2022Q3', true],
    ]);
    expect(readdirSync(join(out, '2022Q3')).sort()).toEqual(['bulletin.html', 'stats.json']);
    // A list that names one quarter is still answered as a list (results[]), as the README says.
    const one = await bulletin(['build', '--quarter', '2022Q3,2022Q3', '--out', out, '--format', 'html', '--json']);
    expect(JSON.parse(one.stdout).results.map((x: { quarter: string }) => x.quarter)).toEqual(['2022Q3']);
  });
});
