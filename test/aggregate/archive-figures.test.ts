import { describe, expect, it } from 'vitest';
import { sharesAsBuilt } from '../../src/aggregate/archive-figures.js';

const rows = [4, 4, 3, 3, 1].map((n, i) => ({ name: `类${i + 1}`, n }));
const check = (shares: number[]) =>
  sharesAsBuilt(
    '表1',
    rows,
    '召回次数',
    (r) => r.n,
    (r) => shares[rows.indexOf(r)] ?? null,
    2,
  );

describe('an archived table’s shares', () => {
  it('are accepted as this build rounds them (equal counts, equal shares)', () => {
    expect(check([26.67, 26.67, 20, 20, 6.66])).toBeNull();
  });

  it('are accepted as builds before exact remainders rounded them (the tie settled by float noise)', () => {
    expect(check([26.67, 26.66, 20, 20, 6.67])).toBeNull();
  });

  it('are refused otherwise, naming the first row that differs', () => {
    expect(check([26.67, 26.67, 20.01, 19.99, 6.66])).toBe('表1“类3”的召回次数占比为 20.01%，但按其数字应为 20%');
  });
});
