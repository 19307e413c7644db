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
  productionPeriod: string;
  description: string;
  typical: boolean;
}
