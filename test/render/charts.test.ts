import { describe, expect, it } from 'vitest';
import { barChart, pieChart } from '../../src/render/charts.js';
import { labelChart } from '../../src/render/render-web.js';

describe('charts drawn again', () => {
  it('are the same SVG for the same figures, whatever was drawn in between, and change with the figures', () => {
    const pie = [
      { name: '电子电器', value: 3, share: 60 },
      { name: '儿童用品', value: 2, share: 40 },
    ];
    const first = pieChart('召回产品类别', pie);
    const bars = barChart('各市州召回数量', [{ name: '长沙', value: 5 }], '件');
    expect(pieChart('召回产品类别', pie)).toBe(first);
    expect(barChart('各市州召回数量', [{ name: '长沙', value: 5 }], '件')).toBe(bars);
    const changed = pieChart('召回产品类别', [
      { ...pie[0]!, share: 75 },
      { ...pie[1]!, value: 1, share: 25 },
    ]);
    expect(changed).not.toBe(first);
    expect(changed).toContain('电子电器 75.00%');
    expect(barChart('各市州召回数量', [{ name: '长沙', value: 6 }], '件')).toContain('>6<');
  });
});

describe('a chart’s accessible name', () => {
  it('is its title, not its first label or axis unit', () => {
    const pie = pieChart('召回产品类别 <A&B>', [{ name: '电子电器', value: 3, share: 60 }]);
    expect(labelChart(pie)).toMatch(/^<svg role="img" aria-label="召回产品类别 &#60;A&#38;B&#62;"/);
    const bars = barChart('各市州召回数量', [{ name: '长沙', value: 5 }], '件');
    expect(labelChart(bars)).toMatch(/^<svg role="img" aria-label="各市州召回数量"/);
  });
});
