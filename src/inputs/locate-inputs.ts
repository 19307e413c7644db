import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { BulletinError } from '../model/errors.js';

export async function listQuarterDir(quarterDir: string): Promise<string[]> {
  try {
    return await readdir(quarterDir);
  } catch (e) {
    throw new BulletinError(
      'input.quarter-dir.missing',
      'input',
      `找不到季度数据文件夹 ${quarterDir}。`,
      '请用 --data 指定数据目录，或按 数据目录/2022Q3/recalls.xlsx 的结构放置文件。',
      { cause: e },
    );
  }
}

/** base.xlsx or base.csv in the folder, not both; null when neither is there. */
export function findTable(quarterDir: string, names: readonly string[], base: string): string | null {
  const found = names.filter((n) => [`${base}.xlsx`, `${base}.csv`].includes(n.toLowerCase()));
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

/** The quarter's recall-records file: recalls.xlsx or recalls.csv. */
export async function locateRecords(quarterDir: string): Promise<string> {
  const names = await listQuarterDir(quarterDir);
  const path = findTable(quarterDir, names, 'recalls');
  if (!path) {
    const listing = names.length ? names.join('、') : '（空文件夹）';
    throw new BulletinError(
      'input.records.missing',
      'input',
      `${quarterDir} 中没有召回记录文件 recalls.xlsx 或 recalls.csv。现有文件：${listing}。`,
      '请把本季度的召回记录保存为 recalls.xlsx（或 recalls.csv）放入该文件夹。',
    );
  }
  return path;
}

/**
 * Whether a quarter folder has its records (recalls.xlsx or .csv, any case): the one naming
 * rule build, validate, stats and compare share. A missing folder has none.
 */
export async function hasRecordsFile(quarterDir: string): Promise<boolean> {
  let names: string[];
  try {
    names = await readdir(quarterDir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return false;
    throw e;
  }
  return findTable(quarterDir, names, 'recalls') !== null;
}
