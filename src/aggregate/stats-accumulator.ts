/**
 * The quarter's figures gathered one record at a time. Each record costs a
 * constant amount of work and memory stays proportional to what is printed
 * (categories, regions, defect types, typical cases) plus one set of
 * distinct manufacturer names (distinct-names.ts), never to the number of
 * records: a large quarter is aggregated while its rows are checked (on the
 * checking thread, records-checker.ts), without holding them; the distinct
 * manufacturers may be counted on another thread (NameCounter).
 * Pure: no I/O, no clock, no logging.
 */
import { BulletinError } from '../model/errors.js';
import type { RecallRecord } from '../model/record.js';
import type { TypicalCase } from '../model/stats.js';
import { fold } from '../model/text.js';
import { DistinctNames } from './distinct-names.js';

/** Recalls and quantity of one category, region or defect type. */
export interface Tally {
  recalls: number;
  quantity: number;
  /** The product of the first recall, named by the narrative when it is the only one. */
  firstProduct: string | null;
  /** Distinct manufacturers (folded names; counted for regions and the province only, else null). */
  manufacturers: number | null;
}

/**
 * Plain data (numbers, strings, Maps): a checking thread sends it back once,
 * whatever the number of records.
 */
export interface StatsTallies {
  total: Tally;
  byCategory: ReadonlyMap<string, Tally>;
  byRegion: ReadonlyMap<string, Tally>;
  byDefect: ReadonlyMap<string, Tally>;
  /** In the order the bulletin prints them: largest quantity first, ties in input order. */
  typicalCases: TypicalCase[];
  /** Region code → its slot in the manufacturer counts (NameCounter), in the order regions appeared. */
  regionSlots: ReadonlyMap<string, number>;
}

/**
 * Distinct manufacturers, overall and per region slot. Counted where the
 * accumulator runs, or (a checking thread's) handed on and counted on the
 * reading thread, which has time to spare (countManufacturers then).
 */
export interface NameCounter {
  add(name: string, slot: number): void;
  readonly size: number;
  inRegion(slot: number): number;
}

/** One that also takes a name fold() leaves as it is as the code units units[start, end) (handed-names.ts). */
export interface UnitsNameCounter extends NameCounter {
  addFolded(units: Uint16Array, start: number, end: number, slot: number): void;
}

/** Names counted as fold() makes them: case, width and spaces do not make another manufacturer. */
export function foldedNames(): UnitsNameCounter {
  const names = new DistinctNames();
  return {
    add: (name, slot) => names.add(fold(name), slot),
    addFolded: (units, start, end, slot) => names.addUnits(units, start, end, slot),
    get size() {
      return names.size;
    },
    inRegion: (slot) => names.inRegion(slot),
  };
}

/** The manufacturer figures of `t` from the counter its records' names went to. */
export function countManufacturers(t: StatsTallies, names: NameCounter): void {
  t.total.manufacturers = names.size;
  for (const [code, slot] of t.regionSlots) t.byRegion.get(code)!.manufacturers = names.inRegion(slot);
}

export interface StatsAccumulator {
  add(record: RecallRecord): void;
  finish(): StatsTallies;
}

const newTally = (): Tally => ({ recalls: 0, quantity: 0, firstProduct: null, manufacturers: null });

function tallyIn(map: Map<string, Tally>, key: string): Tally {
  let t = map.get(key);
  if (!t) map.set(key, (t = newTally()));
  return t;
}

function count(t: Tally, r: RecallRecord): void {
  t.recalls += 1;
  t.quantity += r.quantity;
  t.firstProduct ??= r.product;
}

export function createStatsAccumulator(manufacturers: NameCounter = foldedNames()): StatsAccumulator {
  const total = newTally();
  const byCategory = new Map<string, Tally>();
  const byRegion = new Map<string, Tally>();
  const byDefect = new Map<string, Tally>();
  /** Region code → its bit in the manufacturers' masks, in the order regions appear. */
  const slots = new Map<string, number>();
  const typical: { r: TypicalCase; i: number }[] = [];
  let index = 0;
  return {
    add(r: RecallRecord): void {
      count(total, r);
      count(tallyIn(byCategory, r.categoryCode), r);
      count(tallyIn(byRegion, r.regionCode), r);
      count(tallyIn(byDefect, r.defectTypeCode), r);
      let slot = slots.get(r.regionCode);
      if (slot === undefined) slots.set(r.regionCode, (slot = slots.size));
      manufacturers.add(r.manufacturer, slot);
      if (r.typical) typical.push({ r: typicalCase(r), i: index });
      index += 1;
    },
    finish(): StatsTallies {
      const typicalCases = typical.sort((a, b) => b.r.quantity - a.r.quantity || a.i - b.i).map((x) => x.r);
      const tallies = { total, byCategory, byRegion, byDefect, typicalCases, regionSlots: slots };
      countManufacturers(tallies, manufacturers);
      return tallies;
    },
  };
}

/** A sum past 2^53 would be printed rounded: refuse rather than print a wrong figure. */
export function checkSafe(total: Tally): void {
  if (Number.isSafeInteger(total.quantity)) return;
  throw new BulletinError(
    'stats.quantity.overflow',
    'data',
    `召回数量合计超出了能精确计算的范围（${total.recalls} 次召回）。`,
    '请检查召回数量一列是否有误填的超大数字。',
  );
}

function typicalCase(r: RecallRecord): TypicalCase {
  return {
    manufacturer: r.manufacturer,
    product: r.product,
    productionPeriod: r.productionPeriod,
    quantity: r.quantity,
    unit: r.unit,
    // Only an approximate quantity has it: stats.json of exact ones is as it was.
    ...(r.approx ? { approx: r.approx } : {}),
    description: r.description,
  };
}
