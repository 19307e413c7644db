import { describe, expect, it } from 'vitest';
import { parseQuantity } from '../../src/validate/parse-quantity.js';

describe('parseQuantity', () => {
  it.each([
    [257500, 257500, null, false],
    ['257500', 257500, null, false],
    ['257,500', 257500, null, false],
    ['２５７，５００', 257500, null, false],
    ['25.75万', 257500, null, false],
    ['8255.87万', 82558700, null, false],
    ['约3400件', 3400, '件', true],
    ['500个', 500, '个', false],
    ['70000本', 70000, '本', false],
    ['3万余件', 30000, '件', true],
    ['0', 0, null, false],
  ])('reads %s as %d', (input, value, unit, approximate) => {
    expect(parseQuantity(input)).toEqual({ ok: true, value, unit, approximate });
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
  ])('rejects %s (%s)', (input, reason) => {
    expect(parseQuantity(input as string | number | null)).toEqual({ ok: false, reason });
  });
});
