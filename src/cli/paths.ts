import { resolve } from 'node:path';
import type { BulletinConfig } from '../pipeline/config.js';

/** Flags > configuration (already absolute) > defaults relative to the working directory. */
export function dataDir(flag: string | undefined, config: BulletinConfig, cwd: string): string {
  return flag ? resolve(cwd, flag) : (config.data ?? resolve(cwd, 'data'));
}

export function outDir(flag: string | undefined, config: BulletinConfig, cwd: string): string {
  return flag ? resolve(cwd, flag) : (config.out ?? resolve(cwd, 'out'));
}

/** Where archived <quarter>/stats.json files are looked for, in order. */
export function archiveDirs(flags: string[] | undefined, config: BulletinConfig, cwd: string, data: string, out: string): string[] {
  return [...(flags ?? []).map((a) => resolve(cwd, a)), out, resolve(data, 'archive')];
}

/** Flags of commands that read quarters from data folders or archives. */
export interface SourceFlags {
  data?: string;
  out?: string;
  archive?: string[];
  config?: string;
}
