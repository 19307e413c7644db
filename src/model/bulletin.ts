/** Inputs and figures of the whole bulletin beyond the province's own records. */
import type { IsoDate } from './calendar.js';

export interface IssueMeta {
  /** 第3期 */
  number: number | null;
  /** 总第3期 */
  totalNumber: number | null;
  publicationDate: IsoDate | null;
  /** Paragraphs printed before the contact block (重要提示). */
  notice: string[];
  /**
   * The editor's word that the province had no recall this quarter: an empty records table is
   * then the quarter's figures (all zero), not a file exported too early or the wrong sheet.
   */
  noRecalls: boolean;
}

export interface Article {
  file: string;
  section: string;
  title: string;
  /** The 本期要目 wording when it differs from the title. */
  toc: string;
  subtitle: string | null;
  date: IsoDate | null;
  order: number;
  /** Interview speakers whose turns are set off in bold. */
  speakers: string[];
  /** Markdown body as written. */
  body: string;
  /** Image references in the body (as written) → data: URLs read by the pipeline. */
  images: Record<string, string>;
}

export interface CountQty {
  recalls: number;
  quantity: number;
}

export interface NationalCategoryInput {
  code: string;
  cumulative: CountQty;
  ytd: CountQty;
  quarter: CountQty;
}

export interface ProvinceFigures {
  code: string;
  ytd: CountQty;
  quarter: CountQty;
}

/** One row of a national record-level export. */
export interface NationalRecord {
  date: IsoDate;
  provinceCode: string;
  categoryCode: string;
  quantity: number;
}

/** National figures as the quarter folder gives them, summary or record level. */
export interface NationalInput {
  source: 'summary' | 'records';
  categories: NationalCategoryInput[];
  provinces: ProvinceFigures[];
}

export interface ForeignJurisdiction {
  name: string;
  recalls: number;
  /** null: 未公开 */
  quantity: number | null;
  chinaRecalls: number | null;
  chinaQuantity: number | null;
}

export interface ForeignInput {
  jurisdictions: ForeignJurisdiction[];
  /** By product category (codes), when given. */
  categories: Array<{ code: string; recalls: number; quantity: number | null }>;
}

export interface ClueRow {
  unit: string;
  reports: number;
  effective: number;
  inspections: number;
}
