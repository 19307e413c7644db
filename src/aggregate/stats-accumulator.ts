/**
 * The quarter's figures gathered one record at a time. Each record costs a
 * constant amount of work and memory stays proportional to what is printed
 * (categories, regions, defect types, typical cases) plus one set of
 * manufacturer names per region, never to the number of records: a large
 * quarter can be aggregated while its rows are checked, without holding them.
 * Pure: no I/O, no clock, no logging.
 */
import { BulletinError } from '../model/errors.js';
import type { RecallRecord } from '../model/record.js';
import type { TypicalCase } from '../model/stats.js';
import { fold } from '../model/text.js';

/** Recalls and quantity of one category, region or defect type. */
export interface Tally {
  recalls: number;
  quantity: number;
  /** The product of the first recall, named by the narrative when it is the only one. */
  firstProduct: string | null;
  /** Folded manufacturer names (kept for regions and the province only). */
  manufacturers: Set<string> | null;
}

export interface StatsTallies {
  total: Tally;
  byCategory: ReadonlyMap<string, Tally>;
  byRegion: ReadonlyMap<string, Tally>;
  byDefect: ReadonlyMap<string, Tally>;
  /** In the order the bulletin prints them: largest quantity first, ties in input order. */
  typicalCases: TypicalCase[];
}

export interface StatsAccumulator {
  add(record: RecallRecord): void;
  finish(): StatsTallies;
}

const newTally = (withManufacturers: boolean): Tally => ({
  recalls: 0,
  quantity: 0,
  firstProduct: null,
  manufacturers: withManufacturers ? new Set() : null,
});

function tallyIn(map: Map<string, Tally>, key: string, withManufacturers: boolean): Tally {
  let t = map.get(key);
  if (!t) map.set(key, (t = newTally(withManufacturers)));
  return t;
}

function count(t: Tally, r: RecallRecord, manufacturer: string): void {
  t.recalls += 1;
  t.quantity += r.quantity;
  t.firstProduct ??= r.product;
  t.manufacturers?.add(manufacturer);
}

/** A sum past 2^53 would be printed rounded: refuse rather than print a wrong figure. */
function checkSafe(total: Tally): void {
  if (Number.isSafeInteger(total.quantity)) return;
  throw new BulletinError(
    'stats.quantity.overflow',
    'data',
    `召回数量合计超出了能精确计算的范围（${total.recalls} 次召回）。`,
    '请检查召回数量一列是否有误填的超大数字。',
  );
}

export function createStatsAccumulator(): StatsAccumulator {
  const total = newTally(true);
  const byCategory = new Map<string, Tally>();
  const byRegion = new Map<string, Tally>();
  const byDefect = new Map<string, Tally>();
  const typical: { r: TypicalCase; i: number }[] = [];
  let index = 0;
  return {
    add(r: RecallRecord): void {
      const manufacturer = fold(r.manufacturer);
      count(total, r, manufacturer);
      count(tallyIn(byCategory, r.categoryCode, false), r, manufacturer);
      count(tallyIn(byRegion, r.regionCode, true), r, manufacturer);
      count(tallyIn(byDefect, r.defectTypeCode, false), r, manufacturer);
      if (r.typical) typical.push({ r: typicalCase(r), i: index });
      index += 1;
    },
    finish(): StatsTallies {
      checkSafe(total);
      const typicalCases = typical.sort((a, b) => b.r.quantity - a.r.quantity || a.i - b.i).map((x) => x.r);
      return { total, byCategory, byRegion, byDefect, typicalCases };
    },
  };
}

function typicalCase(r: RecallRecord): TypicalCase {
  return {
    manufacturer: r.manufacturer,
    product: r.product,
    productionPeriod: r.productionPeriod,
    quantity: r.quantity,
    unit: r.unit,
    description: r.description,
  };
}
