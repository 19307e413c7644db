/**
 * A quarter's archived stats.json (in the output folder, data/archive, or
 * folders given with --archive), read for compare and the trend sentence
 * when the quarter's data is gone. One that is not JSON, is from another
 * version, or whose figures its build could not have written
 * (archive-check.ts) is a damaged archive: an input error, never figures.
 */
import { stat } from 'node:fs/promises';
import { readRegularText } from '../files/read-regular-file.js';
import { systemReason } from '../model/system-reasons.js';
import { join } from 'node:path';
import { BulletinError } from '../model/errors.js';
import { quarterId, type Quarter } from '../model/quarter.js';
import { STATS_SCHEMA_VERSION, type BulletinStats } from '../model/stats.js';
import { findProvince } from '../model/reference.js';
import { checkArchive } from './archive-check.js';
import { loadReference } from './load-reference.js';
import { displayPath } from './load-quarter.js';

/** What quarter-source.ts's SourceOptions give for it (not imported from there: that would be a cycle). */
export interface ArchiveOptions {
  /** Folders holding <quarter>/stats.json, searched in order. */
  archiveDirs: readonly string[];
  cwd: string;
  /** The configuration's: the shares are checked at it first (archive-check.ts); its home province. */
  config: { decimals: number; province: string };
}

/** A quarter's figures from its archive (quarter-source.ts's SourcedStats). */
export interface ArchivedStats {
  quarter: string;
  stats: BulletinStats;
  source: 'archive';
  path: string;
}

const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

/** Another province's figures compared as this one's would print its changes as ours (the trend sentence too). */
async function sameProvince(stats: BulletinStats, province: string, shown: string): Promise<void> {
  const home = findProvince(await loadReference(), province);
  if (!home || stats.province.code === home.code) return;
  throw new BulletinError(
    'input.archive.province',
    'input',
    `存档 ${shown} 是${stats.province.name}（${stats.province.code}）的统计，而设置的本省是${home.name}：不同省份的数字不能相互比较。`,
    '请检查 --archive 指定的文件夹和配置中的 province；该存档如果不属于本省，请把它移走。',
  );
}

/** An archived stats.json as JSON; a pipe or folder in its place is refused, not waited on. */
async function parsedArchive(path: string, shown: string): Promise<Partial<BulletinStats> | null> {
  let text: string;
  try {
    text = await readRegularText(path);
  } catch (e) {
    throw new BulletinError(
      'input.archive.unreadable',
      'input',
      `无法读取存档 ${shown}：${systemReason(e, 'read')}。`,
      '请检查该文件的读取权限；它如果不是 bulletin build 写出的 stats.json，请把它移走。',
      { cause: e },
    );
  }
  try {
    return JSON.parse(text) as Partial<BulletinStats> | null;
  } catch (e) {
    throw new BulletinError(
      'input.archive.unreadable',
      'input',
      `${shown} 不是有效的 JSON。`,
      '请用 bulletin build 重新生成该季度的 stats.json。',
      { cause: e },
    );
  }
}

/** The quarter's archived stats.json from the first archive folder that has one; null when none has. */
export async function readArchive(q: Quarter, opts: ArchiveOptions): Promise<ArchivedStats | null> {
  const id = quarterId(q);
  for (const archive of opts.archiveDirs) {
    const path = join(archive, id, 'stats.json');
    if (!(await exists(path))) continue;
    const stats = await parsedArchive(path, displayPath(opts.cwd, path));
    if (stats?.schemaVersion !== STATS_SCHEMA_VERSION) {
      throw new BulletinError(
        'input.archive.version',
        'input',
        `${displayPath(opts.cwd, path)} 不是本版本可读的 ${id} 统计（schemaVersion ${String(stats?.schemaVersion)}）。`,
        '请用当前版本的 bulletin build 重新生成。',
      );
    }
    checkArchive(stats, q, displayPath(opts.cwd, path), opts.config.decimals);
    await sameProvince(stats as BulletinStats, opts.config.province, displayPath(opts.cwd, path));
    return { quarter: id, stats: stats as BulletinStats, source: 'archive', path: displayPath(opts.cwd, path) };
  }
  return null;
}
