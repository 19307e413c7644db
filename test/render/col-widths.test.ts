import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnWidths, emWidth } from '../../src/render/col-widths.js';

const headers = ['序号', '企业名称', '召回缺陷产品名称', '生产日期', '缺陷产品数量', '缺陷产品问题'];
const lines = (text: string, pct: number, totalEm: number) => Math.ceil(emWidth(text) / ((pct / 100) * totalEm - 1.08));

describe('column widths from the content', () => {
  it('gives the long text columns the width, and keeps quantities, e-mails and headers whole', () => {
    const row = (i: number) => [
      String(i),
      '湖南省长沙市第001号样例精密电子电器制造股份有限公司湘湘湘湘湘分厂',
      '电取暖器001型',
      '',
      '235563件',
      `由于生产过程中原材料和零部件批次不一致，第${i}批产品的外壳结构强度不符合相关国家标准要求，存在安全隐患，联系电话0731-85310015，邮箱recall001@example.com。`,
    ];
    const w = columnWidths(headers, [row(1), row(2)], 44.2);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0);
    expect(w[5]).toBeGreaterThan(w[1]!);
    expect(w[1]).toBeGreaterThan(w[0]!);
    // The e-mail address (the widest token) fits its column on one line.
    expect((w[5]! / 100) * 44.2 - 1.08).toBeGreaterThanOrEqual(emWidth('recall001@example.com'));
    expect((w[4]! / 100) * 44.2 - 1.08).toBeGreaterThanOrEqual(emWidth('235563件'));
    // 序号 on one line, and no header one character a line.
    expect((w[0]! / 100) * 44.2 - 1.08).toBeGreaterThanOrEqual(2);
    for (const [i, h] of headers.entries()) expect(lines(h, w[i]!, 44.2), h).toBeLessThan([...h].length);
  });

  it('makes the tallest row no taller than any other choice of widths that keeps tokens whole', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 60 }), fc.integer({ min: 20, max: 200 }), (name, desc) => {
        const rows = [['1', '湘'.repeat(name), '台灯', '', '5台', '缺'.repeat(desc)]];
        const w = columnWidths(headers, rows, 44.2);
        const tallest = Math.max(...rows[0]!.map((t, i) => lines(t, w[i]!, 44.2)));
        // The best any split of the room between the two long columns can do, to a line.
        const room =
          44.2 - 1.08 * 6 - w.filter((_, i) => i !== 1 && i !== 5).reduce((a, b) => a + (b / 100) * 44.2 - 1.08, 0);
        const best = Math.ceil((name + desc) / room);
        return tallest <= Math.max(best + 2, 1);
      }),
    );
  });
});
