import { describe, expect, it } from 'vitest';
import { deriveIssueNumbers, guessedFrom, numberConflicts } from '../../src/model/issue-numbering.js';

describe('deriveIssueNumbers', () => {
  it('keeps stated numbers and derives the rest from the issue before', () => {
    const n = deriveIssueNumbers([
      { quarter: '2022Q3', number: null, totalNumber: null },
      { quarter: '2022Q1', number: 1, totalNumber: 1 },
      { quarter: '2022Q2', number: null, totalNumber: null },
      { quarter: '2023Q1', number: null, totalNumber: null },
    ]);
    expect(n.map((x) => [x.quarter, x.number, x.totalNumber, x.derived])).toEqual([
      ['2022Q1', 1, 1, false],
      ['2022Q2', 2, 2, true],
      ['2022Q3', 3, 3, true],
      ['2023Q1', 1, 4, true],
    ]);
  });

  it('starts at 第1期 with no earlier issue', () => {
    expect(deriveIssueNumbers([{ quarter: '2022Q3', number: null, totalNumber: null }])[0]).toMatchObject({
      number: 1,
      totalNumber: 1,
    });
  });
});

describe('guessedFrom', () => {
  const s = (quarter: string, number: number | null = null, totalNumber: number | null = null) => ({
    quarter,
    number,
    totalNumber,
  });

  it('is null for stated numbers, and for derivations that follow on back to stated ones', () => {
    expect(guessedFrom([s('2022Q3', 3, 3)], '2022Q3')).toBeNull();
    expect(guessedFrom([s('2022Q1', 1, 1), s('2022Q2'), s('2022Q3')], '2022Q3')).toBeNull();
    expect(guessedFrom([s('2022Q4', 4, 4), s('2023Q1')], '2023Q1')).toBeNull();
  });

  it('names the first quarter missing along the chain', () => {
    expect(guessedFrom([s('2022Q3')], '2022Q3')).toEqual({ year: 2022, quarter: 2 });
    expect(guessedFrom([s('2022Q1', 1, 1), s('2022Q3')], '2022Q3')).toEqual({ year: 2022, quarter: 2 });
    expect(guessedFrom([s('2022Q4'), s('2023Q1')], '2023Q1')).toEqual({ year: 2022, quarter: 3 });
    // One number stated is not both: the other still follows the chain.
    expect(guessedFrom([s('2023Q1', 1, null)], '2023Q1')).toEqual({ year: 2022, quarter: 4 });
  });
});

describe('numberConflicts', () => {
  it('finds two issues of one year with the same 期号 and two with the same 总期号', () => {
    const c = numberConflicts(
      deriveIssueNumbers([
        { quarter: '2022Q2', number: 3, totalNumber: 3 },
        { quarter: '2022Q3', number: 3, totalNumber: 4 },
        { quarter: '2023Q1', number: 1, totalNumber: 4 },
      ]),
    );
    expect(c.map((x) => [x.kind, x.value, x.quarters])).toEqual([
      ['number', 3, ['2022Q2', '2022Q3']],
      ['totalNumber', 4, ['2022Q3', '2023Q1']],
    ]);
    expect(c[0]?.message).toBe('2022年第二季度和2022年第三季度都是第3期。');
  });

  it('allows the same 期号 in different years', () => {
    expect(
      numberConflicts(
        deriveIssueNumbers([
          { quarter: '2022Q1', number: 1, totalNumber: 1 },
          { quarter: '2023Q1', number: 1, totalNumber: 5 },
        ]),
      ),
    ).toEqual([]);
  });
});
