/** The optional tables of a quarter folder: national, foreign, clues. */
import type { ClueRow, ForeignInput, NationalInput } from '../model/bulletin.js';
import type { ValidationIssue } from '../model/issues.js';
import { nationalFromRecords } from '../aggregate/national-stats.js';
import { checkTableFile, type CheckedFile } from './check-file.js';
import type { CheckContext, Checked, TableKind } from './input-kinds.js';
import { findTable } from './locate-inputs.js';

export interface Summaries {
  national: NationalInput | null;
  foreign: ForeignInput | null;
  clues: ClueRow[] | null;
  files: CheckedFile[];
  issues: ValidationIssue[];
}

interface Ctx extends CheckContext {
  quarterDir: string;
  names: string[];
  display: (p: string) => string;
}

function missingSection(ctx: Ctx, what: string, files: string): ValidationIssue {
  return {
    severity: 'warning',
    code: 'input.section.missing',
    file: ctx.display(ctx.quarterDir),
    sheet: null,
    row: null,
    column: null,
    header: null,
    value: null,
    message: `没有${what}的数据文件（${files}），公报中将不包含这一部分。`,
    hint: `如需这一部分，请把 ${files} 放入本季度文件夹。`,
  };
}

export async function loadSummaries(ctx: Ctx): Promise<Summaries> {
  const out: Summaries = { national: null, foreign: null, clues: null, files: [], issues: [] };
  const load = async <K extends TableKind>(kind: K): Promise<Extract<Checked, { kind: K }> | null> => {
    const path = findTable(ctx.quarterDir, ctx.names, kind);
    if (!path) return null;
    const f = await checkTableFile(path, ctx.display(path), ctx, kind);
    out.files.push(f);
    out.issues.push(...f.issues);
    return f.checked as Extract<Checked, { kind: K }> | null;
  };
  const present = (kind: TableKind) => findTable(ctx.quarterDir, ctx.names, kind) !== null;

  if (present('national-recalls')) {
    const r = await load('national-recalls');
    if (r && ctx.quarter) out.national = nationalFromRecords(r.records, ctx.ref, ctx.quarter);
  } else if (present('national-categories') && present('national-provinces')) {
    const cats = await load('national-categories');
    const provs = await load('national-provinces');
    if (cats && provs) out.national = { source: 'summary', categories: cats.categories, provinces: provs.provinces };
  } else {
    await load('national-categories');
    await load('national-provinces');
    out.issues.push(
      missingSection(ctx, '全国召回情况', 'national-categories 和 national-provinces，或 national-recalls'),
    );
  }

  const foreign = await load('foreign');
  const foreignCats = await load('foreign-categories');
  if (foreign) out.foreign = { jurisdictions: foreign.jurisdictions, categories: foreignCats?.categories ?? [] };
  else if (!present('foreign')) out.issues.push(missingSection(ctx, '国外消费品召回统计', 'foreign'));
  if (present('foreign') && !present('foreign-categories'))
    out.issues.push(missingSection(ctx, '国外召回的产品类别分布', 'foreign-categories'));

  const clues = await load('clues');
  if (clues) out.clues = clues.clues;
  else if (!present('clues')) out.issues.push(missingSection(ctx, '共享缺陷信息线索（表4）', 'clues'));
  return out;
}
