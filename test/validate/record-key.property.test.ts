import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold } from '../../src/model/text.js';
import { keyHashes } from '../../src/validate/record-key.js';

/** fold() and keyHashes() as they were before round five's one-pass versions: the reference. */
function foldBefore(s: string): string {
  if (!/[^\x21-\x7e\u4e00-\u9fff]/.test(s)) return s.toLowerCase();
  const n = /[^\x00-\x7f\u4e00-\u9fff]/.test(s) ? s.normalize('NFKC') : s;
  return n.replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, '').toLowerCase();
}

function keyHashesBefore(fields: readonly string[]): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let f = 0; f < fields.length; f++) {
    const raw = fields[f] as string;
    const key = /^[\x21-\x7e\u4e00-\u9fff]*$/.test(raw) ? raw : foldBefore(raw);
    if (f > 0) {
      a = Math.imul(a, 0x01000193) >>> 0;
      b = Math.imul(b, 0x5bd1e995) >>> 0;
    }
    for (let i = 0; i < key.length; i++) {
      let c = key.charCodeAt(i);
      if (c >= 65 && c <= 90) c += 32;
      a = Math.imul(a ^ c, 0x01000193) >>> 0;
      b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
    }
  }
  return [a, b];
}

// What staff type: ASCII of both cases, CJK, full-width forms and digits, spaces of every kind,
// accented and Greek letters (lowered past A–Z), combining marks, emoji (surrogate pairs), the
// ends of the CJK block.
const cell = fc.string({
  unit: fc.constantFrom(
    ...'aZ09-,"\' ',
    '湖',
    '南',
    '\u4e00',
    '\u9fff',
    '\u3400',
    'Ａ',
    'ｚ',
    '１',
    '（',
    '\u3000',
    '\u00a0',
    '\u200b',
    '\ufeff',
    '\t',
    '\n',
    'É',
    'é',
    'Σ',
    'e\u0301',
    '😀',
    'İ',
  ),
  maxLength: 12,
});

describe('keyHashes', () => {
  it('gives the hashes the regular-expression version gave, on any cells', () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 4 }), (fields) => {
        expect(keyHashes(fields)).toEqual(keyHashesBefore(fields));
      }),
      { numRuns: 3000 },
    );
  });

  it('hashes a cell and its fold alike, so a case or width difference is still a duplicate', () => {
    expect(keyHashes(['ABC公司', '产品'])).toEqual(keyHashes(['abc公司', '产品']));
    expect(keyHashes(['ＡＢＣ 公司', '产品'])).toEqual(keyHashes(['abc公司', '产品']));
    expect(keyHashes(['ABC公司', '产品'])).not.toEqual(keyHashes(['ABD公司', '产品']));
  });
});

describe('fold', () => {
  it('folds every text as before, with toLowerCase asked only when there is an A–Z', () => {
    fc.assert(
      fc.property(cell, (s) => {
        expect(fold(s)).toBe(foldBefore(s));
      }),
      { numRuns: 3000 },
    );
  });
});
