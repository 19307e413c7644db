import { describe, expect, it } from 'vitest';
import { keepTokensWhole } from '../../src/render/nowrap.js';

const spans = (html: string) =>
  [...keepTokensWhole(html).matchAll(/<span class="nw">([^<]*)<\/span>/g)].map((m) => m[1]);

describe('keepTokensWhole', () => {
  it('keeps phone numbers, e-mail addresses, dates, 《》 titles and numbers with units whole', () => {
    expect(spans('<p>电话：0731-85315315 邮箱：hnqzzx@126.com</p>')).toEqual(['0731-85315315', 'hnqzzx@126.com']);
    expect(spans('<td>2021.09-2021.12</td><td>257500只</td><td>61.54%</td>')).toEqual([
      '2021.09-2021.12',
      '257500只',
      '61.54%',
    ]);
    expect(spans('<p>2022年10月13日，《民情直通车》涉及数量8255.87万件，召回3次</p>')).toEqual([
      '2022年10月13日',
      '《民情直通车》',
      '8255.87万件',
      '3次',
    ]);
  });

  it('leaves markup, styles, charts and the title alone', () => {
    const html =
      '<title>第3期</title><style>a{width:100px}</style><a href="https://x.invalid/t.12" data-n="2022"></a><svg><text>150</text></svg>';
    expect(keepTokensWhole(html)).toBe(html);
  });
});
