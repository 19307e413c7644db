/** Figures of the sections beyond the province's own records; part of stats.json. */
import type { ClueRow, CountQty, ForeignJurisdiction } from './bulletin.js';

export interface CountRow extends CountQty {
  code: string;
  name: string;
}

export interface CategoryTableStats {
  rows: CountRow[];
  total: CountQty;
}

export interface RankedProvince extends CountRow {
  /** 序号: position by quantity (then recalls, then code). */
  seq: number;
}

export interface ProvinceTableStats {
  rows: RankedProvince[];
  total: CountQty;
}

export interface Rank {
  rank: number;
  tied: boolean;
}

export interface NationalStats {
  source: 'summary' | 'records';
  cumulative: CategoryTableStats;
  ytd: CategoryTableStats;
  quarter: CategoryTableStats;
  provincesYtd: ProvinceTableStats;
  provincesQuarter: ProvinceTableStats;
  /** The home province's row in the province tables, when present. */
  home: { ytd: CountQty; quarter: CountQty; ytdRank: Rank } | null;
}

export interface ForeignStats {
  jurisdictions: Array<
    ForeignJurisdiction & {
      /** Null when the table's total is 0; the China shares are null when their own total is 0 or undisclosed. */
      recallShare: number | null;
      chinaRecallShare: number | null;
      chinaQuantityShare: number | null;
    }
  >;
  total: { recalls: number; disclosedQuantity: number };
  categories: Array<{
    code: string;
    name: string;
    recalls: number;
    quantity: number | null;
    /** Null when the table's total (of recalls, of disclosed quantity) is 0. */
    recallShare: number | null;
    quantityShare: number | null;
  }>;
  categoryTotal: { recalls: number; disclosedQuantity: number };
}

export interface ClueStats {
  rows: ClueRow[];
  total: { reports: number; effective: number; inspections: number };
}
