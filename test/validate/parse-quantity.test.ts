import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuantity, quantityProblem } from '../../src/validate/parse-quantity.js';

describe('parseQuantity', () => {
  it.each([
    [257500, 257500, null, false],
    ['257500', 257500, null, false],
    ['257,500', 257500, null, false],
    ['２５７，５００', 257500, null, false],
    ['25.75万', 257500, null, false],
    ['8255.87万', 82558700, null, false],
    ['500个', 500, '个', false],
    ['70000本', 70000, '本', false],
    ['0', 0, null, false],
    ['1,234,567', 1234567, null, false],
    ['9007199254740991', 9007199254740991, null, false],
    [9007199254740991, 9007199254740991, null, false],
    ['0007', 7, null, false],
    ['１２３', 123, null, false],
    ['１,２３４件', 1234, '件', false],
    ['500件（套）', 500, '件(套)', false],
  ])('reads %s as %d', (input, value, unit, approximate) => {
    expect(parseQuantity(input)).toEqual({ ok: true, value, unit, approximate });
  });

  it.each([
    ['约3400件', 3400, '件', ['约', '', '']],
    ['3万余件', 30000, '件', ['', '余', '']],
    ['约257,500件', 257500, '件', ['约', '', '']],
    ['约1500本', 1500, '本', ['约', '', '']],
    ['100余', 100, null, ['', '余', '']],
    ['大约200多台', 200, '台', ['大约', '多', '']],
    ['500只左右', 500, '只', ['', '', '左右']],
    ['近3400件', 3400, '件', ['近', '', '']],
  ])('reads %s as about %d, keeping how it was said', (input, value, unit, [before, middle, after]) => {
    expect(parseQuantity(input)).toEqual({
      ok: true,
      value,
      unit,
      approximate: true,
      words: { before, middle, after },
    });
  });

  // NFKC made each of these a digit: 257500¹ counted as 2575001.
  it.each([
    ['257500¹', '¹'],
    ['3⁴', '⁴'],
    ['５⁰⁰', '⁰'],
    ['²', '²'],
    ['①', '①'],
    ['⑽', '⑽'],
    ['⒈', '⒈'],
    ['Ⅻ', 'Ⅻ'],
    ['𝟙𝟚', '𝟙'],
    ['1₂', '₂'],
    ['٣٤', '٣'],
    ['500只①', '①'],
  ])('refuses %s: %s is a footnote mark or special digit, not a digit', (input, mark) => {
    expect(parseQuantity(input)).toEqual({ ok: false, reason: 'special-digit', mark });
  });

  it('reads a formula result’s float noise as the integer Excel shows (15 significant digits)', () => {
    expect(parseQuantity(300.00000000000006)).toEqual({ ok: true, value: 300, unit: null, approximate: false });
    expect(parseQuantity(257499.99999999997)).toEqual({ ok: true, value: 257500, unit: null, approximate: false });
    expect(parseQuantity(1.5)).toMatchObject({ ok: false });
    expect(parseQuantity(300.0001)).toMatchObject({ ok: false });
  });

  it.each(["'5275", ' ‘5275', '’257,500'])(
    'names the apostrophe in %s (Excel’s text mark), not the grouping',
    (input) => {
      const q = parseQuantity(input);
      expect(q).toEqual({ ok: false, reason: 'text-mark' });
      if (!q.ok) expect(quantityProblem(q)).toContain('撇号');
      expect(parseQuantity("257'500")).toMatchObject({ ok: true, value: 257500 });
    },
  );

  it('says which character is not a digit', () => {
    const q = parseQuantity('257500¹');
    expect(q.ok).toBe(false);
    if (!q.ok) expect(quantityProblem(q)).toBe('中的“¹”是上标或特殊数字，不是普通数字');
  });

  it.each([
    ['100以上', '以上'],
    ['3400以下', '以下'],
    ['100内', '内'],
    ['3400以内', '以内'],
    ['100件以上', '以上'],
    ['100以上件', '以上'],
    ['不少于100', '不少于'],
    ['至少100', '至少'],
    ['最多100', '最多'],
    ['超过3400件', '超过'],
    ['逾3400件', '逾'],
    ['不到100台', '不到'],
    ['约100以上', '以上'],
    ['100+', '+'],
    ['>100', '>'],
  ])('refuses %s: a bound (%s), not a figure', (input, mark) => {
    expect(parseQuantity(input)).toEqual({ ok: false, reason: 'bound', mark });
  });

  it.each([
    [null, 'empty'],
    ['  ', 'empty'],
    ['-5', 'negative'],
    [-5, 'negative'],
    ['12.5', 'fraction'],
    ['1.23456万', 'fraction'],
    ['很多', 'not-a-number'],
    ['3400-3500', 'not-a-number'],
    ['以上', 'not-a-number'],
    ['〇', 'not-a-number'],
    ['23,80', 'grouping'],
    ['1,50,000', 'grouping'],
    ['2575,00', 'grouping'],
    ['1e300', 'exponent'],
    ['1E+5', 'exponent'],
    [1e300, 'too-large'],
    [Infinity, 'too-large'],
    ['100000000000000000000', 'too-large'],
    ['9007199254740993', 'too-large'],
    [9007199254740992, 'too-large'],
    ['90071992547409930万', 'too-large'],
  ])('rejects %s (%s)', (input, reason) => {
    expect(parseQuantity(input as string | number | null)).toEqual({ ok: false, reason });
  });
});

describe('parseQuantity over all inputs', () => {
  it('accepts a number only when it is a safe integer equal to the digits typed', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 22n }), (n) => {
        const digits = n.toString();
        const r = parseQuantity(digits);
        if (n <= BigInt(Number.MAX_SAFE_INTEGER))
          expect(r).toEqual({ ok: true, value: Number(n), unit: null, approximate: false });
        else expect(r).toEqual({ ok: false, reason: 'too-large' });
      }),
    );
  });

  it('accepts grouping in threes and nothing else', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 2, maxLength: 5 }), (sizes) => {
        const text = sizes.map((k, i) => (i === 0 ? '1'.padEnd(k, '2') : '3'.repeat(k))).join(',');
        const threes = sizes.slice(1).every((k) => k === 3) && sizes[0]! <= 3;
        const r = parseQuantity(text);
        if (threes)
          expect(r).toEqual({ ok: true, value: Number(text.replace(/,/g, '')), unit: null, approximate: false });
        else expect(r).toEqual({ ok: false, reason: 'grouping' });
      }),
    );
  });

  it('never accepts a value that is not a safe integer, whatever the cell holds', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.stringMatching(/^[\d,.e+万亿约件-]{1,30}$/)), (v) => {
        const r = parseQuantity(v);
        if (r.ok) expect(Number.isSafeInteger(r.value) && r.value >= 0).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
