/** issue.json of a quarter, and its 期号 derived against the other quarters' folders. */
import { readRegularFile } from '../files/read-regular-file.js';
import { join } from 'node:path';
import type { IssueMeta } from '../model/bulletin.js';
import { unreadableFinding } from '../model/system-reasons.js';
import { fileError, makeIssue, type ValidationIssue } from '../model/issues.js';
import { jsonText, SAVE_AS_UTF8 } from '../model/schema.js';
import {
  deriveIssueNumbers,
  guessedFrom,
  numberConflicts,
  type IssueNumber,
  type StatedNumber,
} from '../model/issue-numbering.js';
import { quarterId, quarterName, type Quarter } from '../model/quarter.js';
import { checkIssueMetaText, EMPTY_META } from '../validate/issue-meta.js';
import { findFile, folderNames } from './locate-inputs.js';

async function readMeta(
  dir: string,
  display: (p: string) => string,
  quarter: Quarter | null = null,
): Promise<{ meta: IssueMeta; issues: ValidationIssue[]; file: string | null }> {
  // issue.json in any case, like every input (findFile): none means the numbers are derived.
  const path = await findFile(dir, 'issue.json');
  if (!path) return { meta: EMPTY_META, issues: [], file: null };
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(path);
  } catch (e) {
    return { meta: EMPTY_META, issues: [unreadableFinding(display(path), e)], file: display(path) };
  }
  return { ...checkIssueJsonBytes(bytes, display(path), quarter), file: display(path) };
}

/**
 * issue.json's bytes: not UTF-8, not JSON, its stand-ins, then its fields (the
 * date against `quarter`'s end when known); shared with validate's loose files.
 */
export function checkIssueJsonBytes(
  bytes: Uint8Array,
  file: string,
  quarter: Quarter | null = null,
): { meta: IssueMeta; issues: ValidationIssue[] } {
  const t = jsonText(bytes);
  if (t.ok) return checkIssueMetaText(t.text, file, quarter);
  return { meta: EMPTY_META, issues: [fileError(file, 'meta.encoding', `issue.json ${t.message}。`, SAVE_AS_UTF8)] };
}

export interface LoadedMeta {
  meta: IssueMeta;
  /** issue.json as displayed, when the quarter has one. */
  file: string | null;
  /** Numbers after derivation (never null). */
  number: number;
  totalNumber: number;
  issues: ValidationIssue[];
}

/** The numbers stated in the issue.json of every other quarter folder under `dataDir`. */
export async function otherIssueNumbers(
  dataDir: string,
  except: string,
  display: (p: string) => string = (p) => p,
): Promise<StatedNumber[]> {
  const others = (await folderNames(dataDir, display)).filter((n) => /^\d{4}Q[1-4]$/.test(n) && n !== except);
  const stated: StatedNumber[] = [];
  for (const q of others) {
    const m = (await readMeta(join(dataDir, q), display)).meta;
    stated.push({ quarter: q, number: m.number, totalNumber: m.totalNumber });
  }
  return stated;
}

/** 期号 printed from a derivation that has nothing to follow on from (issue-numbering.ts guessedFrom). */
function guessedNumbers(mine: IssueNumber, gap: Quarter, file: string): ValidationIssue {
  return makeIssue(
    'warning',
    'meta.number.derived',
    { file, header: 'number', value: `第${mine.number}期（总第${mine.totalNumber}期）` },
    `issue.json 没有写明期号，公报将按推算印出第${mine.number}期（总第${mine.totalNumber}期）；但没有找到${quarterName(gap)}的期号，推算可能不对（例如之前的各期没有放在数据文件夹里）。`,
    '请在 issue.json 中写明 "number"（本年第几期）和 "totalNumber"（总第几期），如 "number": 1, "totalNumber": 5。',
  );
}

export async function loadIssueMeta(
  dataDir: string,
  quarter: Quarter,
  display: (p: string) => string,
): Promise<LoadedMeta> {
  const id = quarterId(quarter);
  const own = await readMeta(join(dataDir, id), display, quarter);
  const stated: StatedNumber[] = [
    { quarter: id, number: own.meta.number, totalNumber: own.meta.totalNumber },
    ...(await otherIssueNumbers(dataDir, id, display)),
  ];
  const numbers = deriveIssueNumbers(stated);
  const mine = numbers.find((n) => n.quarter === id)!;
  const issues = [...own.issues];
  for (const c of numberConflicts(numbers).filter((c) => c.quarters.includes(id))) {
    issues.push(
      makeIssue(
        'error',
        'meta.number.duplicate',
        { file: own.file ?? display(join(dataDir, id, 'issue.json')), header: c.kind, value: String(c.value) },
        `期号重复：${c.message}`,
        '请在各季度文件夹的 issue.json 中改正 number（期号）或 totalNumber（总期号）。',
      ),
    );
  }
  const gap = guessedFrom(stated, id);
  if (gap) issues.push(guessedNumbers(mine, gap, own.file ?? display(join(dataDir, id, 'issue.json'))));
  return { meta: own.meta, file: own.file, number: mine.number, totalNumber: mine.totalNumber, issues };
}
