/**
 * Options resolved once, for every command: flag > environment > configuration
 * file > default (the order of unjs c12), each path made absolute against its
 * own base exactly here. Flags and environment variables are relative to the
 * working folder; the configuration file's paths to the file's folder (done
 * by loadConfig); the default data/ and out/ to the folder of a configuration
 * file that was found, else the working folder. The environment arrives as a
 * plain record (the CLI's CliIo), never from process.env.
 */
import { join, resolve } from 'node:path';
import { BulletinError } from '../model/errors.js';
import { loadConfig, type BulletinConfig } from './config.js';
import { packageRoot } from './package-root.js';

/** Environment variables as the CLI was given them. */
export type Env = Readonly<Record<string, string | undefined>>;

export type OutputFormat = 'pdf' | 'html' | 'docx';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['pdf', 'html', 'docx'];

/** The flags any command may have; each command declares the ones it takes. */
export interface OptionFlags {
  data?: string;
  out?: string;
  config?: string;
  templates?: string;
  browser?: string;
  /** --archive, repeatable. */
  archive?: string[];
  /** Seconds, as typed. */
  timeout?: string;
  /** As typed: pdf,html. */
  format?: string;
  /** False with --no-cache. */
  cache?: boolean;
}

/** A browser asked for, and by what (--browser, BULLETIN_BROWSER, PUPPETEER_EXECUTABLE_PATH, config). */
export interface BrowserChoice {
  path: string;
  source: string;
}

export interface ResolvedOptions {
  config: BulletinConfig;
  cwd: string;
  dataDir: string;
  outDir: string;
  /** --archive folders, then the output folder, then data/archive. */
  archiveDirs: string[];
  /** A folder whose files replace the bundled templates of the same name; none: the bundled ones. */
  templatesDir?: string;
  /** Browsers asked for, in order; the usual locations are tried after them (render/find-browser.ts). */
  browsers: BrowserChoice[];
  /** Limit of each call into the browser, in milliseconds. */
  timeoutMs: number;
  formats: OutputFormat[];
  /** Measured layouts; null: always measure. */
  cacheDir: string | null;
  /** Record files larger than this are read as a stream; undefined: the reader's default (16 MB). */
  streamBytes?: number;
  /** Passed on to Chromium. */
  env: Env;
  /** Where temporary folders go (TMPDIR, relative to the working folder); undefined: the system's. */
  tempDir?: string;
}

export const DEFAULT_FORMATS = 'pdf,html';
export const DEFAULT_TIMEOUT_SECONDS = '60';

/** Where a quarter's archived stats.json is looked for after any given folders: the output folder, then data/archive. */
export function defaultArchiveDirs(dataDir: string, outDir: string): string[] {
  return [outDir, join(dataDir, 'archive')];
}

/** The first layer that has a value: the whole precedence rule, for every option. */
function first<T>(...layers: (T | undefined)[]): T | undefined {
  return layers.find((v) => v !== undefined && v !== '');
}

/** A path typed by the user (flag or environment): relative to the working folder. */
const typed = (cwd: string, p: string | undefined) => (p ? resolve(cwd, p) : undefined);

/** The bundled templates, then the chosen folder's files over them. */
export function templateDirs(templatesDir: string | undefined, config: BulletinConfig): string[] {
  const chosen = first(templatesDir, config.templates);
  return [join(packageRoot(), 'templates'), ...(chosen ? [chosen] : [])];
}

/** Browsers asked for by flag, environment and configuration, in that order. */
export function browserChoices(flag: string | undefined, env: Env, config: BulletinConfig, cwd: string) {
  const layers: [string | undefined, string][] = [
    [typed(cwd, flag), '--browser'],
    [typed(cwd, env.BULLETIN_BROWSER), 'BULLETIN_BROWSER'],
    [typed(cwd, env.PUPPETEER_EXECUTABLE_PATH), 'PUPPETEER_EXECUTABLE_PATH'],
    [config.browser, 'config'],
  ];
  return layers.filter((l): l is [string, string] => Boolean(l[0])).map(([path, source]) => ({ path, source }));
}

/** The masthead's names: the configuration's, else derived from the home province. */
export function mastheadNames(config: BulletinConfig, home: { name: string; short: string }) {
  return {
    bulletinName: first(config.bulletinName) ?? `${home.short}缺陷产品召回`,
    publisher: first(config.publisher) ?? `${home.name}市场监督管理局缺陷产品召回服务中心`,
  };
}

/** --no-cache, else BULLETIN_CACHE_DIR, else the XDG cache folder; none when there is no home to put it in. */
function cacheDir(enabled: boolean, env: Env, cwd: string): string | null {
  if (!enabled) return null;
  const home = first(env.XDG_CACHE_HOME, env.HOME ? join(env.HOME, '.cache') : undefined);
  return first(typed(cwd, env.BULLETIN_CACHE_DIR), home ? join(home, 'bulletin', 'layouts') : undefined) ?? null;
}

/** BULLETIN_STREAM_BYTES, when it is a number (tests set it tiny); anything else keeps the default. */
/** A value that is not a whole number of bytes (abc, -1) was passed over in silence: it is a usage error. */
function streamBytes(env: Env): number | undefined {
  const text = env.BULLETIN_STREAM_BYTES;
  if (text === undefined || text === '') return undefined;
  const n = Number(text);
  if (Number.isSafeInteger(n) && n >= 0) return n;
  throw new BulletinError(
    'usage.stream-bytes',
    'usage',
    `环境变量 BULLETIN_STREAM_BYTES 需要一个不小于 0 的整数（字节数），收到“${text}”。`,
    '例如 BULLETIN_STREAM_BYTES=50000000；不需要时不要设置它。',
  );
}

export function parseFormats(text: string): OutputFormat[] {
  const items = text
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const bad = items.filter((f) => !OUTPUT_FORMATS.includes(f as OutputFormat));
  if (bad.length || items.length === 0) {
    throw new BulletinError(
      'usage.format',
      'usage',
      `不支持的输出格式：${bad.join(',') || '（空）'}。`,
      '--format 可取 pdf、html、docx，或用逗号连接几种，例如 pdf,html,docx。',
    );
  }
  return [...new Set(items as OutputFormat[])];
}

/**
 * A day at most: the build's own limit is twenty of them, and Node's timers (and the browser
 * library's) fire at once past 2^31 ms, about 24.8 days: --timeout 110000 failed at once.
 */
const MAX_TIMEOUT_SECONDS = 86_400;

function timeoutMs(text: string): number {
  const s = Number(text);
  if (!Number.isFinite(s) || s <= 0 || s > MAX_TIMEOUT_SECONDS)
    throw new BulletinError(
      'usage.timeout',
      'usage',
      `--timeout 需要一个不超过 ${MAX_TIMEOUT_SECONDS} 的正数（秒），收到“${text}”。`,
      '例如 --timeout 120。',
    );
  return s * 1000;
}

/** The data and output folders: flag, configuration, then data/ and out/ (see the top of this file). */
export function folders(flags: Pick<OptionFlags, 'data' | 'out'>, config: BulletinConfig, cwd: string) {
  // Default folders sit beside a configuration file that was found, else in the working folder.
  const defaultsBase = config.root ?? cwd;
  return {
    dataDir: first(typed(cwd, flags.data), config.data) ?? resolve(defaultsBase, 'data'),
    outDir: first(typed(cwd, flags.out), config.out) ?? resolve(defaultsBase, 'out'),
  };
}

/** Every option from the layers, the configuration already read: no I/O. */
export function resolveWith(flags: OptionFlags, env: Env, cwd: string, config: BulletinConfig): ResolvedOptions {
  const { dataDir, outDir } = folders(flags, config, cwd);
  return {
    config,
    cwd,
    dataDir,
    outDir,
    archiveDirs: [...(flags.archive ?? []).map((a) => resolve(cwd, a)), ...defaultArchiveDirs(dataDir, outDir)],
    templatesDir: first(typed(cwd, flags.templates), config.templates),
    browsers: browserChoices(flags.browser, env, config, cwd),
    // Typed values are checked even when empty: `--format ''` is an error, not the default.
    timeoutMs: timeoutMs(flags.timeout ?? DEFAULT_TIMEOUT_SECONDS),
    formats: parseFormats(flags.format ?? DEFAULT_FORMATS),
    cacheDir: cacheDir(flags.cache !== false, env, cwd),
    streamBytes: streamBytes(env),
    env,
    tempDir: typed(cwd, env.TMPDIR),
  };
}

/** Reads the configuration file (--config, else the nearest one) and resolves every option. */
export async function resolveOptions(flags: OptionFlags, env: Env, cwd: string): Promise<ResolvedOptions> {
  return resolveWith(flags, env, cwd, await loadConfig(flags.config, cwd));
}
