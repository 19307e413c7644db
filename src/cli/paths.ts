import { join, resolve } from 'node:path';
import type { BulletinConfig } from '../config/config.js';
import { defaultArchiveDirs } from '../inputs/quarter-source.js';

/**
 * Flags (relative to the working directory) > configuration (already
 * absolute) > data/ and out/ beside the configuration file that was found,
 * else in the working directory. So a command run from data/2022Q3/ uses
 * the project's folders, not data/2022Q3/data/.
 */
export function dataDir(flag: string | undefined, config: BulletinConfig, cwd: string): string {
  return flag ? resolve(cwd, flag) : (config.data ?? resolve(config.root ?? cwd, 'data'));
}

export function outDir(flag: string | undefined, config: BulletinConfig, cwd: string): string {
  return flag ? resolve(cwd, flag) : (config.out ?? resolve(config.root ?? cwd, 'out'));
}

/** Where archived <quarter>/stats.json files are looked for, in order. */
export function archiveDirs(flags: string[] | undefined, cwd: string, data: string, out: string): string[] {
  return [...(flags ?? []).map((a) => resolve(cwd, a)), ...defaultArchiveDirs(data, out)];
}

/** Flags of commands that read quarters from data folders or archives. */
export interface SourceFlags {
  data?: string;
  out?: string;
  archive?: string[];
  config?: string;
}

/**
 * Measured layouts: BULLETIN_CACHE_DIR, else the XDG cache folder; none
 * with --no-cache or when there is no home to put it in.
 */
export function cacheDir(enabled: boolean, env: NodeJS.ProcessEnv, cwd: string): string | null {
  if (!enabled) return null;
  if (env.BULLETIN_CACHE_DIR) return resolve(cwd, env.BULLETIN_CACHE_DIR);
  const base = env.XDG_CACHE_HOME || (env.HOME ? join(env.HOME, '.cache') : '');
  return base ? join(base, 'bulletin', 'layouts') : null;
}

/** BULLETIN_STREAM_BYTES: record files larger than this are read as a stream (tests set it tiny). */
export function streamBytes(env: NodeJS.ProcessEnv): number | undefined {
  const n = Number(env.BULLETIN_STREAM_BYTES);
  return env.BULLETIN_STREAM_BYTES && Number.isFinite(n) && n >= 0 ? n : undefined;
}
