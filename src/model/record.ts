import type { IsoDate } from './calendar.js';

/** One recall campaign, as accepted from an input row. */
export interface RecallRecord {
  /** Where it came from, for messages: file, sheet and Excel row. */
  source: { file: string; sheet: string | null; row: number };
  announceDate: IsoDate;
  manufacturer: string;
  brand: string;
  product: string;
  model: string;
  categoryCode: string;
  regionCode: string;
  defectTypeCode: string;
  quantity: number;
  /** 件 unless the data says 只/本/个…; shown in the typical-case table. */
  unit: string;
  /** How an approximate quantity was written (约3400件 → 约), for 表2 to print it so. */
  approx?: ApproxWords;
  productionPeriod: string;
  description: string;
  typical: boolean;
}

/** The words around an approximate figure: 约1500本, 3万余件, 500只左右. */
export interface ApproxWords {
  /** 约, 大约, 近 … before the number. */
  before: string;
  /** 余 or 多, between the number and its unit. */
  middle: string;
  /** 左右, 上下 … after the unit. */
  after: string;
}
