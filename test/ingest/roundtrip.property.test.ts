import ExcelJS from 'exceljs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../src/ingest/csv-reader.js';
import { readXlsx } from '../../src/ingest/xlsx-reader.js';
import { BulletinError } from '../../src/model/errors.js';
import type { Province, ReferenceData } from '../../src/model/reference.js';
import { validateRecords } from '../../src/validate/validate-records.js';
import { hunan } from '../helpers/reference.js';
import { HEADER, recordRow } from '../helpers/tables.js';

let ref: ReferenceData;
let home: Province;
beforeAll(async () => ({ ref, home } = await hunan()));
const Q3 = { year: 2022, quarter: 3 } as const;

/** The record the mutation tests start from: category by name, quantity a number (as in a workbook). */
const ROW = recordRow({ 产品类别: '电子电器', 召回数量: 150 });
const CHARS =
  '湖南长沙株洲电器有限公司玩具文具牌型号打火机背包作业本“”（）、，。：；!#%&*+-/<=>?@[]^_{|}~ ,"\nabcXYZ0123456789';

/** Text as staff type it: Chinese, ASCII, commas, quotes and line breaks; never blank, never a total-row word. */
const text = fc
  .array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 24 })
  .map((cs) => cs.join('').trim())
  .filter((s) => s.length > 0 && !/^(合计|小计|总计|共计|总合计)[:：]?$/.test(s.replace(/\s/g, '')));

const record = fc.record({
  day: fc.integer({ min: 0, max: 91 }),
  manufacturer: text,
  product: text,
  model: text,
  category: fc.integer({ min: 0, max: 9 }),
  region: fc.integer({ min: 0, max: 13 }),
  defect: fc.integer({ min: 0, max: 5 }),
  quantity: fc.integer({ min: 0, max: 2_000_000_000 }),
  description: text,
  typical: fc.boolean(),
});
type Rec = fc.Arbitrary<typeof record extends fc.Arbitrary<infer T> ? T : never>;
const records = fc.uniqueArray(record, {
  minLength: 1,
  maxLength: 12,
  selector: (r) => `${r.manufacturer}|${r.product}|${r.model}|${r.day}`,
});

const isoOf = (day: number) => new Date(Date.UTC(2022, 6, 1 + day)).toISOString().slice(0, 10);

function rows(rs: Array<Rec extends fc.Arbitrary<infer T> ? T : never>) {
  return rs.map((r) => [
    isoOf(r.day),
    r.manufacturer,
    r.product,
    r.model,
    ref.categories[r.category]!.name,
    home.prefectures[r.region]!.short,
    ref.defectTypes[r.defect]!.name,
    r.quantity,
    r.description,
    r.typical ? '是' : '否',
  ]);
}

function toCsv(data: unknown[][]): string {
  const esc = (v: unknown) => {
    const s = String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [HEADER, ...data].map((r) => r.map(esc).join(',')).join('\r\n') + '\r\n';
}

async function toXlsx(data: unknown[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('召回记录');
  ws.addRow(HEADER);
  for (const r of data) ws.addRow([new Date(`${r[0]}T00:00:00Z`), ...r.slice(1)]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function expected(rs: ReturnType<typeof rows>) {
  return rs.map((r) => ({
    announceDate: r[0],
    manufacturer: r[1],
    product: r[2],
    model: r[3],
    quantity: r[7],
    description: r[8],
    typical: r[9] === '是',
  }));
}

const pick = (rs: ReturnType<typeof validateRecords>['records']) =>
  rs.map((r) => ({
    announceDate: r.announceDate,
    manufacturer: r.manufacturer,
    product: r.product,
    model: r.model,
    quantity: r.quantity,
    description: r.description,
    typical: r.typical,
  }));

describe('round trip: random valid records written as CSV and XLSX read back identically', () => {
  it('CSV in UTF-8 and in GBK', () => {
    fc.assert(
      fc.property(records, (rs) => {
        const data = rows(rs);
        for (const bytes of [Buffer.from(toCsv(data), 'utf8'), iconv.encode(toCsv(data), 'gbk')]) {
          const r = validateRecords(readCsv(bytes, 'p.csv'), { ref, home, quarter: Q3 });
          expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
          expect(pick(r.records)).toEqual(expected(data));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('XLSX', async () => {
    await fc.assert(
      fc.asyncProperty(records, async (rs) => {
        const data = rows(rs);
        const r = validateRecords(await readXlsx(await toXlsx(data), 'p.xlsx'), { ref, home, quarter: Q3 });
        expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(pick(r.records)).toEqual(expected(data));
      }),
      { numRuns: 25 },
    );
  });
});

describe('random byte mutations never crash and never hang', () => {
  const mutate = (base: Uint8Array) =>
    fc
      .array(fc.record({ at: fc.nat({ max: base.length - 1 }), byte: fc.integer({ min: 0, max: 255 }) }), {
        minLength: 1,
        maxLength: 20,
      })
      .map((ms) => {
        const copy = Uint8Array.from(base);
        for (const m of ms) copy[m.at] = m.byte;
        return copy;
      });

  /** Only BulletinError may escape a reader; validation itself never throws. */
  async function survives(read: () => Promise<unknown> | unknown): Promise<void> {
    try {
      const table = (await read()) as Parameters<typeof validateRecords>[0];
      validateRecords(table, { ref, home, quarter: Q3 });
    } catch (e) {
      expect(e).toBeInstanceOf(BulletinError);
    }
  }

  it('CSV', async () => {
    const base = Buffer.from(toCsv([ROW]), 'utf8');
    await fc.assert(
      fc.asyncProperty(mutate(base), (bytes) => survives(() => readCsv(bytes, 'm.csv'))),
      { numRuns: 300 },
    );
  });

  it('XLSX', async () => {
    const base = await toXlsx([ROW]);
    await fc.assert(
      fc.asyncProperty(mutate(base), (bytes) => survives(() => readXlsx(bytes, 'm.xlsx'))),
      { numRuns: 150 },
    );
  }, 120_000);
});
