import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bulletin, tempDir } from '../helpers/cli.js';
import { containsWrapped, pdfFonts, pdfInfo, pdfTextCompact } from '../helpers/pdf.js';

let out: string;
let pdf: string;
let json: { issues: Array<{ code: string }> };

beforeAll(() => {
  out = tempDir();
  const r = bulletin(['build', '--quarter', '2022Q3', '--out', out, '--json']);
  if (r.code !== 0) throw new Error(`build failed (${r.code}): ${r.stderr}`);
  json = JSON.parse(r.stdout);
  pdf = join(out, '2022Q3', 'bulletin.pdf');
});

describe('the 2022Q3 PDF', () => {
  it('contains every figure of the provincial report', () => {
    const text = pdfTextCompact(pdf);
    for (const s of [
      '湖南缺陷产品召回',
      '2022年第三季度（截至9月30日），湖南省省局开展缺陷产品召回8次，共召回缺陷产品418448件。',
      '表12022年第三季度湖南省消费品召回统计表',
      '电子电器011150', '儿童用品0213400', '家具0300', '家用日用品041257500', '其他交通运输设备0500',
      '日用纺织品和服装06198', '食品相关产品07163000', '文教体育用品08394300', '五金建材0900', '其他产品1000', '合计8418448',
      '占湖南召回总数量的61.54%', '占总召回次数的37.50%',
      '1长沙170000', '2株洲123800', '3湘潭23550', '4衡阳163000', '5邵阳2258000', '9益阳198', '14湘西自治州00',
      '有6批次产品存在机械物理类缺陷，占总召回批次75.00%', '有2批次产品存在电气安全类缺陷，占总召回批次25.00%',
      '2021.09-2021.12', '2019.04-2019.05',
    ]) {
      expect(text, s).toContain(s);
    }
  });

  it('contains 表2, whose cells may wrap', () => {
    const text = pdfTextCompact(pdf);
    expect(text).toContain('表22022年第三季度湖南省消费品召回典型案例');
    for (const s of ['湖南省豪牌电气有限公司', '长沙文灿鑫明文化用品有限公司', '邵东市智帆皮具有限公司', '257500只', '70000本', '500个', '“智帆”牌8523#X型号休闲背包']) {
      expect(containsWrapped(text, s), s).toBe(true);
    }
    expect(containsWrapped(text, '不存在的公司名称')).toBe(false);
  });

  it('embeds every font as a subset CID font, none Type 3, none a fallback', () => {
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f, f.name).toMatchObject({ embedded: true, subset: true, unicode: true });
      expect(f.type).toBe('CID TrueType');
      expect(f.name).toMatch(/\+NotoS(erif|ans)SC/);
    }
  });

  it('has no character that the bundled fonts lack (no missing-glyph boxes)', () => {
    expect(json.issues.filter((i) => i.code === 'render.glyph.missing')).toEqual([]);
  });

  it('is A4, a sane number of pages, tagged, with title and author from the data', () => {
    const info = pdfInfo(pdf);
    expect(info['Page size']).toMatch(/^59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    const pages = Number(info.Pages);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(6);
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe('2022年第三季度湖南省消费品召回分析报告');
    expect(info.Author).toBe('湖南省市场监督管理局缺陷产品召回服务中心');
  });

  it('numbers the pages at the foot as — n —', () => {
    const text = pdfTextCompact(pdf);
    expect(text).toContain('—1—');
    expect(text).toContain('—2—');
  });

  it('is byte-identical when built again from the same inputs', () => {
    const again = tempDir();
    const r = bulletin(['build', '--quarter', '2022Q3', '--out', again, '--quiet']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(again, '2022Q3', 'bulletin.pdf')).equals(readFileSync(pdf))).toBe(true);
    expect(readFileSync(join(again, '2022Q3', 'bulletin.html'), 'utf8')).toBe(readFileSync(join(out, '2022Q3', 'bulletin.html'), 'utf8'));
  });
});
