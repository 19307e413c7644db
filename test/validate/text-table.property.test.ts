import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextTable } from '../../src/validate/text-table.js';

describe('TextTable', () => {
  it('finds a text added, anywhere in another text, and no other (a Map of strings as the reference)', () => {
    const word = fc.string({ unit: fc.constantFrom('长', '沙', '0', '1', ' ', '😀'), maxLength: 4 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 90 }), fc.array(word, { maxLength: 30 }), (added, asked) => {
        const table = new TextTable<number>();
        const want = new Map<string, number>();
        added.forEach((w, i) => {
          table.add(w, i);
          // The first 64 distinct texts are kept; the empty text never.
          if (w !== '' && !want.has(w) && want.size < 64) want.set(w, i);
        });
        for (const w of [...added, ...asked]) {
          const text = `前${w}后`;
          expect(table.find(text, 1, 1 + w.length)).toBe(want.get(w));
        }
      }),
      { numRuns: 300 },
    );
  });
});
