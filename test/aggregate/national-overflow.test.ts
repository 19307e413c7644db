/**
 * National totals are never printed rounded: validation refuses a table
 * adding up past 2^53 − 1, and computeNational stops one that got past it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { computeNational } from '../../src/aggregate/national-stats.js';
import type { NationalInput } from '../../src/model/bulletin.js';
import type { Province, ReferenceData } from '../../src/model/reference.js';
import { hunan } from '../helpers/reference.js';

let ref: ReferenceData;
let home: Province;
beforeAll(async () => ({ ref, home } = await hunan()));

const figures = (recalls: number, quantity: number) => ({ recalls, quantity });

describe('national totals past 2^53 − 1', () => {
  it('are refused rather than rounded, by category and by province', () => {
    const big = Number.MAX_SAFE_INTEGER;
    const cats = (q: number): NationalInput['categories'] =>
      ['01', '02'].map((code) => ({ code, cumulative: figures(1, q), ytd: figures(1, 1), quarter: figures(1, 1) }));
    const provinces = (q: number): NationalInput['provinces'] =>
      ['430000', '440000'].map((code) => ({ code, ytd: figures(1, q), quarter: figures(1, 1) }));
    const overflow = expect.objectContaining({ code: 'stats.total.overflow', kind: 'data' });
    expect(() =>
      computeNational({ source: 'summary', categories: cats(big), provinces: provinces(1) }, ref, home),
    ).toThrow(overflow);
    expect(() =>
      computeNational({ source: 'summary', categories: cats(1), provinces: provinces(big) }, ref, home),
    ).toThrow(overflow);
    // 2^53 − 1 itself is exact.
    const edge = cats(big - 5);
    edge[1]!.cumulative = figures(1, 5);
    const exact = computeNational({ source: 'summary', categories: edge, provinces: provinces(1) }, ref, home);
    expect(exact.cumulative.total.quantity).toBe(big);
  });
});
