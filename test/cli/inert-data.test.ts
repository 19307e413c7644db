import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { neutralise, toCsv } from '../../src/cli/csv-output.js';
import { bulletin, tempDir } from '../helpers/cli.js';
import { pdfTextCompact } from '../helpers/pdf.js';

const HEADER = '发布日期,生产者,产品名称,产品类别,市州,缺陷类型,召回数量,缺陷描述,典型案例';

describe('text from data is inert', () => {
  it('markup in a product name prints as text in the HTML and the PDF', async () => {
    const data = tempDir();
    mkdirSync(join(data, '2022Q3'));
    const evil = '<script>alert(1)</script><img src=http://example.invalid/x.png>打火机';
    writeFileSync(
      join(data, '2022Q3', 'recalls.csv'),
      `${HEADER}\n2022-08-15,甲公司,"${evil}",04,长沙,机械物理,10,"<b>描述</b>",是\n`,
    );
    const out = tempDir();
    const r = await bulletin(['build', '--quarter', '2022Q3', '--data', data, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(join(out, '2022Q3', 'bulletin.html'), 'utf8');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<img src=http');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;描述&lt;/b&gt;');
    expect(pdfTextCompact(join(out, '2022Q3', 'bulletin.pdf'))).toContain('<script>alert(1)</script>');
  });

  it('CSV written by the tool neutralises cells that a spreadsheet would run as formulas (a plain number is none)', async () => {
    expect(['=1+1', '+86 731', '-5+3', '@SUM(A1)', '\tx', '湖南', '-5', '+86', '-51.87%'].map(neutralise)).toEqual([
      "'=1+1",
      "'+86 731",
      "'-5+3",
      "'@SUM(A1)",
      "'\tx",
      '湖南',
      '-5',
      '+86',
      '-51.87%',
    ]);
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['=HYPERLINK("x")', 42],
          ['a,b', null],
        ],
      ),
    ).toBe('\ufeffa,b\r\n"\'=HYPERLINK(""x"")",42\r\n"a,b",\r\n');
  });

  it('validate --csv lists findings with formula-like values neutralised and numbers left as numbers', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'recalls.csv'), `${HEADER}\n2022-08-15,=CMD(),产品,99,长沙,机械物理,-5+1,描述,否\n`);
    const r = await bulletin([
      'validate',
      join(dir, 'recalls.csv'),
      '--quarter',
      '2022Q3',
      '--csv',
      '--csv-headers',
      'en',
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout.startsWith('\ufeffseverity,code,file,sheet,row,column,header,value,message,hint\r\n')).toBe(true);
    expect(r.stdout).toContain(",'-5+1,");
    expect(r.stdout).not.toMatch(/,-5\+1,/);
    expect(r.stdout).toMatch(/,99,/);
  });
});
