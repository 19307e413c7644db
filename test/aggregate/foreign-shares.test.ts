import { describe, expect, it } from 'vitest';
import { computeForeign } from '../../src/aggregate/foreign-stats.js';
import { jurisdiction } from '../helpers/foreign-input.js';
import { reference } from '../helpers/reference.js';

const j = jurisdiction;

describe('computeForeign: no share of a total of 0', () => {
  it('every recall share is null when no jurisdiction recalled anything', async () => {
    const s = computeForeign(
      { jurisdictions: [j('美国', 0, 0, 0, 0), j('欧盟', 0, 0, 0, 0)], categories: [] },
      await reference(),
    );
    expect(s.jurisdictions.map((x) => [x.recallShare, x.chinaRecallShare, x.chinaQuantityShare])).toEqual([
      [null, null, null],
      [null, null, null],
    ]);
  });

  it('a jurisdiction of 0 recalls among others has a 0.00 share but no China share', async () => {
    const s = computeForeign(
      { jurisdictions: [j('美国', 0, 0, 0, 0), j('欧盟', 5, 100, 1, 10)], categories: [] },
      await reference(),
    );
    expect(s.jurisdictions.map((x) => [x.recallShare, x.chinaRecallShare, x.chinaQuantityShare])).toEqual([
      [0, null, null],
      [100, 20, 10],
    ]);
  });

  it('0 of 0件 China quantity is no share; 0 of 10次 is 0.00', async () => {
    const s = computeForeign({ jurisdictions: [j('美国', 10, 0, 0, 0)], categories: [] }, await reference());
    expect(s.jurisdictions[0]).toMatchObject({ chinaRecallShare: 0, chinaQuantityShare: null });
  });

  it('a category table of 0 recalls has null recall and quantity shares in every row', async () => {
    const s = computeForeign(
      {
        jurisdictions: [j('美国', 10, 1000, 5, 100)],
        categories: [
          { code: '01', recalls: 0, quantity: 0 },
          { code: '02', recalls: 0, quantity: 0 },
        ],
      },
      await reference(),
    );
    expect(s.categories.map((c) => [c.recallShare, c.quantityShare])).toEqual([
      [null, null],
      [null, null],
    ]);
  });

  it('tied jurisdictions keep the largest-remainder shares that add up to 100', async () => {
    const s = computeForeign(
      {
        jurisdictions: [j('美国', 10, 1000, 5, 100), j('欧盟', 10, 1000, 5, 100), j('日本', 10, 5, 1, 1)],
        categories: [],
      },
      await reference(),
    );
    expect(s.jurisdictions.map((x) => x.recallShare)).toEqual([33.34, 33.33, 33.33]);
  });
});
