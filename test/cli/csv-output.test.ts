import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutralise, toCsv } from '../../src/cli/csv-output.js';

describe('CSV cells', () => {
  it('keeps numbers numbers: -51.87, +5, -51.87% and numeric values get no apostrophe', () => {
    expect(toCsv(['a', 'b', 'c', 'd'], [['-51.87', '+5', '-51.87%', -3.5]])).toBe(
      '\ufeffa,b,c,d\r\n-51.87,+5,-51.87%,-3.5\r\n',
    );
  });

  it('neutralises text that a spreadsheet would run as a formula', () => {
    for (const t of ['=SUM(A1)', '+cmd|x', '-2+3', '@foo', '-51.87个百分点', '\tx'])
      expect(neutralise(t)).toBe(`'${t}`);
  });

  it('for every text: either it starts with no formula character, or it is neutralised, or it is a plain number', () => {
    fc.assert(
      fc.property(fc.string(), (t) => {
        const out = neutralise(t);
        const plainNumber = /^[+-]?\d+(\.\d+)?%?$/.test(t);
        expect(!/^[=+\-@\t\r]/.test(out) || plainNumber).toBe(true);
      }),
    );
  });
});
