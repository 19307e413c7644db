/**
 * Every figure the bulletin prints, computed from records. This is what
 * stats.json holds; `schemaVersion` changes when its shape does.
 */
import type { ClueStats, ForeignStats, NationalStats } from './bulletin-stats.js';
import type { Change } from './chinese.js';
import type { ApproxWords } from './record.js';

export const STATS_SCHEMA_VERSION = 1;

export interface CategoryRow {
  code: string;
  name: string;
  recalls: number;
  quantity: number;
  /**
   * Percent with two decimals; a table's shares add up to exactly 100. Null
   * when the table's total is 0 (no share can be computed).
   */
  recallShare: number | null;
  quantityShare: number | null;
}

export interface RegionRow {
  code: string;
  name: string;
  short: string;
  recalls: number;
  /** Distinct manufacturers (生产企业数). */
  manufacturers: number;
  quantity: number;
  /** Null when the quarter's quantity is 0. */
  quantityShare: number | null;
}

export interface DefectRow {
  code: string;
  name: string;
  recalls: number;
  quantity: number;
  /** Null when the quarter has no recall. */
  recallShare: number | null;
}

export interface TypicalCase {
  manufacturer: string;
  product: string;
  productionPeriod: string;
  quantity: number;
  unit: string;
  /** 约, 余, 左右 … as the record's cell wrote them: 表2 prints 约1500本, not 1500本. */
  approx?: ApproxWords;
  description: string;
}

export interface Totals {
  recalls: number;
  quantity: number;
  manufacturers: number;
}

/** The single largest recall of a category, when the category has exactly one. */
export interface Leader {
  code: string;
  name: string;
  recalls: number;
  quantity: number;
  share: number;
  /** Product of the category's only recall, else null. */
  soleProduct: string | null;
}

export interface QuarterStats {
  schemaVersion: number;
  quarter: string;
  period: { start: string; end: string };
  province: { code: string; name: string };
  totals: Totals;
  byCategory: CategoryRow[];
  byRegion: RegionRow[];
  byDefect: DefectRow[];
  typicalCases: TypicalCase[];
  highlights: {
    /** Categories with at least one recall: most recalls first, then code order. */
    activeCategories: string[];
    /** Regions with at least one recall: most recalls first, then code order. */
    activeRegions: string[];
    /** All categories tied for the largest quantity / most recalls. */
    topByQuantity: Leader[];
    topByRecalls: Leader[];
    /** Regions tied for the most recalls (the seed's 湘潭、邵阳 sentence). */
    leadingRegions: string[];
  };
}

/** The 同比/环比 sentence's figures: this quarter against `against`. */
export interface TrendStats {
  kind: '同比' | '环比';
  /** The quarter compared with, e.g. 2022Q2. */
  against: string;
  recalls: Change;
  quantity: Change;
  /** National rank (by 本年 quantity) then and now, tied or not, when both quarters have the national table. */
  rank: { from: number; to: number; fromTied: boolean; toTied: boolean } | null;
}

/** What the 同比/环比 sentence says (render/view-national.ts); computed by pipeline/trend.ts as TrendStats. */
export type Trend = Pick<TrendStats, 'kind' | 'recalls' | 'quantity' | 'rank'>;

/** stats.json: the province's quarter plus the bulletin's other figures. */
export interface BulletinStats extends QuarterStats {
  issue: { number: number; totalNumber: number; publicationDate: string | null };
  national: NationalStats | null;
  foreign: ForeignStats | null;
  clues: ClueStats | null;
  /** The trend sentence's figures; null when the sentence is off or has no quarter to compare with. Absent from older archives. */
  trend?: TrendStats | null;
}
