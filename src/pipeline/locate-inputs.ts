import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { BulletinError } from '../model/errors.js';

const RECORD_FILES = ['recalls.xlsx', 'recalls.csv'];

/** The quarter's recall-records file: recalls.xlsx or recalls.csv, not both. */
export async function locateRecords(quarterDir: string): Promise<string> {
  let names: string[];
  try {
    names = await readdir(quarterDir);
  } catch (e) {
    throw new BulletinError('input.quarter-dir.missing', 'input', `找不到季度数据文件夹 ${quarterDir}。`, '请用 --data 指定数据目录，或按 数据目录/2022Q3/recalls.xlsx 的结构放置文件。', { cause: e });
  }
  const found = RECORD_FILES.filter((f) => names.some((n) => n.toLowerCase() === f));
  if (found.length > 1) {
    throw new BulletinError('config.records.ambiguous', 'config', `${quarterDir} 中同时有 recalls.xlsx 和 recalls.csv，不知道该用哪一个。`, '请删除或改名其中一个。');
  }
  const name = names.find((n) => n.toLowerCase() === found[0]);
  if (!name) {
    const listing = names.length ? names.join('、') : '（空文件夹）';
    throw new BulletinError('input.records.missing', 'input', `${quarterDir} 中没有召回记录文件 recalls.xlsx 或 recalls.csv。现有文件：${listing}。`, '请把本季度的召回记录保存为 recalls.xlsx（或 recalls.csv）放入该文件夹。');
  }
  return join(quarterDir, name);
}
