import { describe, expect, it } from 'vitest';
import { isScaledUnit } from '../../src/model/unit-scale.js';
import { parseQuantity } from '../../src/validate/parse-quantity.js';

describe('spaces between digits follow the comma rule', () => {
  it.each([
    ['1 234', 1234],
    ['1\u00a0234', 1234],
    ['1\u3000234', 1234],
    ['1\u202f234\u202f567', 1234567],
    [' 12 ', 12],
    ['\u00a012\u3000', 12],
    ['26 万', 260000],
  ])('reads %j as %d', (input, value) => {
    expect(parseQuantity(input)).toMatchObject({ ok: true, value });
  });

  it.each(['12 34', '12\u00a034', '12\u300034', '１２　３４', '1 2 3 4', '12 345 6'])('refuses %j', (input) => {
    expect(parseQuantity(input)).toEqual({ ok: false, reason: 'grouping' });
  });
});

describe('a unit after the number that scales it', () => {
  it.each(['26千件', '26千', '3百万', '2百只', '5十万台', '7千万'])('refuses %j', (input) => {
    expect(parseQuantity(input).ok).toBe(false);
  });

  it('says why for a two-character scaled unit', () => {
    expect(parseQuantity('26千件')).toEqual({ ok: false, reason: 'scaled-unit' });
    expect(parseQuantity('3百万')).toEqual({ ok: false, reason: 'scaled-unit' });
  });

  it.each([
    ['26万件', 260000, '件'],
    ['500千克', 500, '千克'],
    ['500只', 500, '只'],
  ])('still reads %j', (input, value, unit) => {
    expect(parseQuantity(input)).toEqual({ ok: true, value, unit, approximate: false });
  });
});

describe('isScaledUnit', () => {
  it.each([
    '万件',
    '万',
    '千只',
    '十万台',
    '百万',
    '千万件',
    '亿',
    '万个',
    '单位：万件',
    '×10000',
    '10000',
    'x1000',
    '万台',
  ])('%j scales', (u) => expect(isScaledUnit(u)).toBe(true));
  it.each(['件', '台', '只', '本', '个', '千克', '辆', 'pcs', '套', '批次', '十月至十二月', '单位：件'])(
    '%j does not',
    (u) => expect(isScaledUnit(u)).toBe(false),
  );
});
