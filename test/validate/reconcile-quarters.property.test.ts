/** The cross-quarter rules hold for every consistent year, and catch every decrease. */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeNational } from '../../src/aggregate/national-stats.js';
import type { CountQty, NationalInput } from '../../src/model/bulletin.js';
import type { Province, ReferenceData } from '../../src/model/reference.js';
import type { BulletinStats } from '../../src/model/stats.js';
import { issueFactory } from '../../src/validate/issue-factory.js';
import { rankFindings, type StatedRank } from '../../src/validate/province-rank.js';
import { nationalDecrease, nationalQuarter, type QuarterSubject } from '../../src/validate/reconcile-quarters.js';
import { hunan } from '../helpers/reference.js';

let ref: ReferenceData;
let home: Province;
beforeAll(async () => ({ ref, home } = await hunan()));

const pair = fc.record({ recalls: fc.nat(500), quantity: fc.nat(1_000_000) });
const add = (a: CountQty, b: CountQty): CountQty => ({
  recalls: a.recalls + b.recalls,
  quantity: a.quantity + b.quantity,
});

/** Q1's tables, and Q2's built from them plus Q2's own figures: a year that adds up. */
function year(q1: CountQty[], q2: CountQty[], provinces: number): { first: NationalInput; second: NationalInput } {
  const codes = ref.provinces.slice(0, provinces).map((p) => p.code);
  const first: NationalInput = {
    source: 'summary',
    categories: ref.categories.map((c, i) => ({ code: c.code, cumulative: q1[i]!, ytd: q1[i]!, quarter: q1[i]! })),
    provinces: codes.map((code, i) => ({ code, ytd: q1[i]!, quarter: q1[i]! })),
  };
  const second: NationalInput = {
    source: 'summary',
    categories: ref.categories.map((c, i) => ({
      code: c.code,
      cumulative: add(q1[i]!, q2[i]!),
      ytd: add(q1[i]!, q2[i]!),
      quarter: q2[i]!,
    })),
    provinces: codes.map((code, i) => ({ code, ytd: add(q1[i]!, q2[i]!), quarter: q2[i]! })),
  };
  return { first, second };
}

const subject = (national: NationalInput): QuarterSubject => ({
  quarter: { year: 2022, quarter: 2 },
  ref,
  home,
  national,
  totals: null,
  files: {},
});
const earlier = (national: NationalInput) => ({
  quarter: '2022Q1',
  path: 'data/2022Q1',
  stats: { national: computeNational(national, ref, home) } as BulletinStats,
});

describe('national figures across two quarters', () => {
  const figures = fc.array(pair, { minLength: 10, maxLength: 10 });
  it('a year that adds up gives no finding', () => {
    fc.assert(
      fc.property(figures, figures, fc.integer({ min: 1, max: 10 }), (q1, q2, n) => {
        const { first, second } = year(q1, q2, n);
        expect(nationalDecrease(subject(second), earlier(first))).toEqual([]);
        expect(nationalQuarter(subject(second), earlier(first))).toEqual([]);
        expect(nationalQuarter({ ...subject(first), quarter: { year: 2022, quarter: 1 } }, null)).toEqual([]);
      }),
    );
  });

  it('any 本年 lowered below the quarter before is an error naming the item and both figures', () => {
    fc.assert(
      fc.property(figures, figures, fc.nat(9), (q1, q2, k) => {
        fc.pre(q1[k]!.recalls > 0);
        const { first, second } = year(q1, q2, 10);
        const cat = second.categories[k]!;
        const lowered = {
          ...second,
          categories: second.categories.map((c) =>
            c === cat ? { ...c, ytd: { ...c.ytd, recalls: q1[k]!.recalls - 1 } } : c,
          ),
        };
        const found = nationalDecrease(subject(lowered), earlier(first));
        expect(found.map((f) => [f.severity, f.code])).toEqual([['error', 'reconcile.national.ytd-decrease']]);
        expect(found[0]!.message).toContain(`${ref.categories[k]!.name} 本期 ${q1[k]!.recalls - 1} 次`);
      }),
    );
  });
});

describe('reconcile.national.rank', () => {
  const make = issueFactory({ file: 'national-provinces.csv', sheet: null });
  const rows = (figs: CountQty[], seqs: number[]): StatedRank[] =>
    figs.map((ytd, i) => ({
      name: `省${i}`,
      seq: String(seqs[i]),
      ytd,
      at: { row: i + 2, col: 1, header: '序号', value: String(seqs[i]) },
    }));
  const ranked = (figs: CountQty[]) =>
    figs
      .map((f, i) => ({ f, i }))
      .sort((a, b) => b.f.quantity - a.f.quantity || b.f.recalls - a.f.recalls)
      .reduce((seqs, x, pos) => ((seqs[x.i] = pos + 1), seqs), [] as number[]);
  const active = fc.array(fc.record({ recalls: fc.integer({ min: 1, max: 50 }), quantity: fc.nat(1000) }), {
    minLength: 2,
    maxLength: 30,
  });

  it('序号 in the printed order, in any row order, gives no finding', () => {
    fc.assert(
      fc.property(active, (figs) => {
        expect(rankFindings(rows(figs, ranked(figs)), make, '表')).toEqual([]);
      }),
    );
  });

  it('two rows with different figures and their 序号 swapped are found', () => {
    fc.assert(
      fc.property(active, (figs) => {
        const seqs = ranked(figs);
        const a = seqs.indexOf(1);
        const b = seqs.indexOf(2);
        fc.pre(figs[a]!.quantity !== figs[b]!.quantity || figs[a]!.recalls !== figs[b]!.recalls);
        [seqs[a], seqs[b]] = [2, 1];
        const found = rankFindings(rows(figs, seqs), make, '表');
        expect(found.map((f) => f.code)).toEqual(['reconcile.national.rank']);
      }),
    );
  });
});
