/**
 * The periods of the national tables nest: 本季度 is part of 本年, 本年 part
 * of 累计. A row (or stated total) with a larger inner period would print,
 * say, 3 recalls for the year next to 5 for the quarter, so it is an error
 * (contradiction.national.period), for both tables and both measures.
 * Within one period, a quantity needs recalls (contradiction.national.no-recalls).
 */
import type { Bound, BoundCheck } from './summary-bounds.js';
import type { NoRecallCheck } from './summary-types.js';

const HINT =
  '请与数据来源核对这一行：常见原因是数字填错了列（如本年与本季度对调）或把别的行的数字填了进来。改正后再生成公报。';

const QUARTER_IN_YEAR = '本季度包含在本年之内';

export const CATEGORY_PERIODS: BoundCheck<
  'category' | 'qRecalls' | 'qQty' | 'ytdRecalls' | 'ytdQty' | 'cumRecalls' | 'cumQty'
> = {
  code: 'contradiction.national.period',
  label: 'category',
  hint: HINT,
  bounds: [
    { part: 'qRecalls', whole: 'ytdRecalls', unit: '次', why: QUARTER_IN_YEAR },
    { part: 'qQty', whole: 'ytdQty', unit: '件', why: QUARTER_IN_YEAR },
    { part: 'ytdRecalls', whole: 'cumRecalls', unit: '次', why: '本年包含在累计之内' },
    { part: 'ytdQty', whole: 'cumQty', unit: '件', why: '本年包含在累计之内' },
  ],
};

const provinceBounds: Bound<'qRecalls' | 'qQty' | 'ytdRecalls' | 'ytdQty'>[] = [
  { part: 'qRecalls', whole: 'ytdRecalls', unit: '次', why: QUARTER_IN_YEAR },
  { part: 'qQty', whole: 'ytdQty', unit: '件', why: QUARTER_IN_YEAR },
];

export const PROVINCE_PERIODS: BoundCheck<'province' | 'qRecalls' | 'qQty' | 'ytdRecalls' | 'ytdQty'> = {
  code: 'contradiction.national.period',
  label: 'province',
  hint: HINT,
  bounds: provinceBounds,
};

const NO_RECALLS_HINT =
  '请与数据来源核对这一行：常见原因是召回次数漏填或填成了 0，或召回数量填错了行、填错了列。改正后再生成公报。';

/** A quantity with 0 recalls, in any period (contradiction.national.no-recalls); an empty 本季度 reads as 0. */
export const CATEGORY_NO_RECALLS: NoRecallCheck<
  'category' | 'qRecalls' | 'qQty' | 'ytdRecalls' | 'ytdQty' | 'cumRecalls' | 'cumQty'
> = {
  code: 'contradiction.national.no-recalls',
  label: 'category',
  blankIsZero: true,
  hint: NO_RECALLS_HINT,
  pairs: [
    { recalls: 'cumRecalls', quantity: 'cumQty' },
    { recalls: 'ytdRecalls', quantity: 'ytdQty' },
    { recalls: 'qRecalls', quantity: 'qQty' },
  ],
};

export const PROVINCE_NO_RECALLS: NoRecallCheck<'province' | 'qRecalls' | 'qQty' | 'ytdRecalls' | 'ytdQty'> = {
  code: 'contradiction.national.no-recalls',
  label: 'province',
  blankIsZero: true,
  hint: NO_RECALLS_HINT,
  pairs: [
    { recalls: 'ytdRecalls', quantity: 'ytdQty' },
    { recalls: 'qRecalls', quantity: 'qQty' },
  ],
};
