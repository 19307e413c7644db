/** The optional tables of a quarter folder: national, foreign, clues. */
import type { ClueRow, ForeignInput, NationalInput } from '../model/bulletin.js';
import type { ValidationIssue } from '../model/issues.js';
import type { Quarter } from '../model/quarter.js';
import type { ReferenceData } from '../model/reference.js';
import { readTable } from '../ingest/read-table.js';
import { readClues } from '../validate/clues.js';
import { readForeign, readForeignCategories } from '../validate/foreign.js';
import { readNationalRecords } from '../validate/national-records.js';
import { readNationalCategories, readNationalProvinces } from '../validate/national-summary.js';
import { nationalFromRecords } from '../aggregate/national-stats.js';
import { findTable, INPUT_TABLES, type InputTable } from './locate-inputs.js';
import type { SourceReport } from './load-quarter.js';

export interface Summaries {
  national: NationalInput | null;
  foreign: ForeignInput | null;
  clues: ClueRow[] | null;
  issues: ValidationIssue[];
  sources: SourceReport[];
}

interface Ctx {
  quarterDir: string;
  names: string[];
  ref: ReferenceData;
  quarter: Quarter;
  display: (p: string) => string;
}

function missingSection(ctx: Ctx, what: string, files: string): ValidationIssue {
  return {
    severity: 'warning', code: 'input.section.missing', file: ctx.display(ctx.quarterDir), sheet: null, row: null, column: null, header: null, value: null,
    message: `没有${what}的数据文件（${files}），公报中将不包含这一部分。`, hint: `如需这一部分，请把 ${files} 放入本季度文件夹。`,
  };
}

async function read(ctx: Ctx, key: InputTable, out: Summaries) {
  const path = findTable(ctx.quarterDir, ctx.names, INPUT_TABLES[key]);
  if (!path) return null;
  const table = await readTable(path, ctx.display(path));
  out.sources.push({ file: table.file, format: table.format, sheet: table.sheet, encoding: table.encoding, headerRow: null, rows: null });
  return table;
}

export async function loadSummaries(ctx: Ctx): Promise<Summaries> {
  const out: Summaries = { national: null, foreign: null, clues: null, issues: [], sources: [] };
  const take = <T>(r: T & { issues: ValidationIssue[] }): T => {
    out.issues.push(...r.issues);
    return r;
  };

  const records = await read(ctx, 'nationalRecords', out);
  const cats = await read(ctx, 'nationalCategories', out);
  const provs = await read(ctx, 'nationalProvinces', out);
  if (records) {
    out.national = nationalFromRecords(take(readNationalRecords(records, ctx.ref)).records, ctx.ref, ctx.quarter);
  } else if (cats && provs) {
    out.national = { source: 'summary', categories: take(readNationalCategories(cats, ctx.ref)).categories, provinces: take(readNationalProvinces(provs, ctx.ref)).provinces };
  } else {
    out.issues.push(missingSection(ctx, '全国召回情况', 'national-categories 和 national-provinces，或 national-recalls'));
  }

  const foreign = await read(ctx, 'foreign', out);
  const foreignCats = await read(ctx, 'foreignCategories', out);
  if (foreign) {
    out.foreign = { jurisdictions: take(readForeign(foreign)).jurisdictions, categories: foreignCats ? take(readForeignCategories(foreignCats, ctx.ref)).categories : [] };
  } else {
    out.issues.push(missingSection(ctx, '国外消费品召回统计', 'foreign'));
  }

  const clues = await read(ctx, 'clues', out);
  if (clues) out.clues = take(readClues(clues)).clues;
  else out.issues.push(missingSection(ctx, '共享缺陷信息线索（表4）', 'clues'));
  return out;
}
