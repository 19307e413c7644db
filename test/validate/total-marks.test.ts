import { describe, expect, it } from 'vitest';
import { TOTAL_MARK, TotalMarks } from '../../src/validate/total-marks.js';
import { TOTAL_WORDS } from '../../src/validate/total-rows.js';

describe('the total-row mark', () => {
  it('is in every total-row word, and NFKC (fold) makes it from no other character', () => {
    for (const w of TOTAL_WORDS) expect(w).toContain(TOTAL_MARK);
    const makers: string[] = [];
    for (let c = 0; c < 0x110000; c++) {
      if (c >= 0xd800 && c < 0xe000) continue;
      const s = String.fromCodePoint(c);
      const n = s.normalize('NFKC');
      if (s !== TOTAL_MARK && (n.includes(TOTAL_MARK) || n.toLowerCase().includes(TOTAL_MARK))) makers.push(s);
    }
    expect(makers).toEqual([]);
  });

  it('tells the stretches holding the mark, asked in order', () => {
    const text = 'a,b\n合计,1\nc,d\n小计,2\n';
    const marks = new TotalMarks();
    expect([
      marks.within(text, 0, 3),
      marks.within(text, 4, 8),
      marks.within(text, 9, 12),
      marks.within(text, 13, 17),
    ]).toEqual([false, true, false, true]);
  });
});
