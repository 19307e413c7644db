/**
 * Where a quarter's inputs are: the one naming rule every command shares.
 * A table is `<kind>.xlsx` or `<kind>.csv`, in any case (`Recalls.XLSX`);
 * both present is an error; `national-recalls` stands in for the two
 * national tables. A folder with no records file is "no data", with its reason.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { BulletinError } from '../model/errors.js';
import { TABLE_KINDS, type TableKind } from './input-kinds.js';

/** The inputs found in a quarter folder: the tables by kind, and the articles folder. */
export interface LocatedQuarter {
  quarterDir: string;
  names: string[];
  tables: Partial<Record<TableKind, string>>;
  /** `articles/` in any case; the default name when there is none (it then holds nothing). */
  articlesDir: string;
}

/** Why a quarter has no data to read: its folder is missing, or holds no records file. */
export interface NoData {
  reason: 'no-folder' | 'no-records';
  /** What a command that needs the data reports (exit 3). */
  error: BulletinError;
}

function missingFolder(quarterDir: string, cause: unknown): BulletinError {
  return new BulletinError(
    'input.quarter-dir.missing',
    'input',
    `找不到季度数据文件夹 ${quarterDir}。`,
    '请用 --data 指定数据目录，或按 数据目录/2022Q3/recalls.xlsx 的结构放置文件。',
    { cause },
  );
}

function missingRecords(quarterDir: string, names: readonly string[]): BulletinError {
  const listing = names.length ? names.join('、') : '（空文件夹）';
  return new BulletinError(
    'input.records.missing',
    'input',
    `${quarterDir} 中没有召回记录文件 recalls.xlsx 或 recalls.csv。现有文件：${listing}。`,
    '请把本季度的召回记录保存为 recalls.xlsx（或 recalls.csv）放入该文件夹。',
  );
}

/** One of `wanted` (lower case) in the folder, in any case, not two; null when none is there. */
function findName(quarterDir: string, names: readonly string[], wanted: readonly string[]): string | null {
  const found = names.filter((n) => wanted.includes(n.toLowerCase()));
  if (found.length > 1) {
    throw new BulletinError(
      'config.input.ambiguous',
      'config',
      `${quarterDir} 中同时有 ${found.join(' 和 ')}，不知道该用哪一个。`,
      '请删除或改名其中一个。',
    );
  }
  return found[0] ? join(quarterDir, found[0]) : null;
}

/** base.xlsx or base.csv in the folder (any case), not both; null when neither is there. */
export function findTable(quarterDir: string, names: readonly string[], base: string): string | null {
  return findName(quarterDir, names, [`${base}.xlsx`, `${base}.csv`]);
}

/**
 * A file of a folder by its name in any case (issue.json, Issue.JSON); null
 * when it or the folder is not there. Other read errors go on up.
 */
export async function findFile(dir: string, name: string): Promise<string | null> {
  try {
    return findName(dir, await readdir(dir), [name]);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw e;
  }
}

/**
 * Every table of a quarter folder, or why there is no data. Only a folder
 * that is not there (or not a folder) is "no data": other read errors go on up.
 */
export async function locateQuarter(quarterDir: string): Promise<LocatedQuarter | NoData> {
  let names: string[];
  try {
    names = (await readdir(quarterDir)).sort();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { reason: 'no-folder', error: missingFolder(quarterDir, e) };
    throw missingFolder(quarterDir, e);
  }
  const tables: Partial<Record<TableKind, string>> = {};
  for (const kind of TABLE_KINDS) {
    const path = findTable(quarterDir, names, kind);
    if (path) tables[kind] = path;
  }
  if (!tables.recalls) return { reason: 'no-records', error: missingRecords(quarterDir, names) };
  const articlesDir = findName(quarterDir, names, ['articles']) ?? join(quarterDir, 'articles');
  return { quarterDir, names, tables, articlesDir };
}

export const isNoData = (x: LocatedQuarter | NoData): x is NoData => 'reason' in x;

/**
 * A folder's entries; none when it does not exist. Any other failure (no
 * permission) is an error, not an empty folder: the other quarters' numbers
 * decide this issue's 总第N期, and the articles are part of the issue.
 */
export async function folderNames(dir: string, display: (p: string) => string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw new BulletinError(
      'input.folder.unreadable',
      'input',
      `无法读取文件夹 ${display(dir)}（${code}）。`,
      '请检查文件夹是否有读取权限、是否被其他程序占用。',
      { cause: e },
    );
  }
}
