/**
 * Configuration: flags > config file > defaults. The file is
 * bulletin.config.json or bulletin.config.js (exporting defineConfig({...}))
 * nearest to the working directory (it or a parent, as Quarto finds its
 * project file), or --config FILE; paths in it, and the default data/ and
 * out/ folders, are relative to the file. Everything that names the province or the publishing unit
 * lives here, so another province's center needs no code change.
 */
import { readRegularFile } from '../files/read-regular-file.js';
import { createRequire } from 'node:module';
import { dirname, extname, resolve } from 'node:path';
import { z } from '../model/schema.js';
import { parseJsonBytes, SAVE_AS_UTF8 } from '../model/schema.js';
import { loadConfigScript } from './script-error.js';
import { findConfigFile, refuseUnreadable } from './config-file.js';

export { findConfigFile } from './config-file.js';
import { BulletinError } from '../model/errors.js';

const schema = z
  .object({
    province: z.string().min(1).optional(),
    bulletinName: z.string().min(1).optional(),
    publisher: z.string().min(1).optional(),
    contact: z
      .object({
        title: z.string().optional(),
        phone: z.string().optional(),
        email: z.string().optional(),
        address: z.string().optional(),
      })
      .strict()
      .optional(),
    sections: z.array(z.string().min(1)).min(1).optional(),
    decimals: z.number().int().min(0).max(4).optional(),
    trend: z.boolean().optional(),
    maxQuantity: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
    fonts: z
      .object({ serif: z.string().min(1).optional(), sans: z.string().min(1).optional() })
      .strict()
      .optional(),
    templates: z.string().min(1).optional(),
    browser: z.string().min(1).optional(),
    data: z.string().min(1).optional(),
    out: z.string().min(1).optional(),
  })
  .strict();

export type ConfigFile = z.infer<typeof schema>;

export interface BulletinConfig {
  /** Home province: name (湖南省), short name (湖南) or code (430000). */
  province: string;
  /** Defaults derived from the province: 湖南缺陷产品召回. */
  bulletinName?: string;
  publisher?: string;
  /** The contact block at the end of the bulletin; omitted when not set. */
  contact?: { title?: string; phone?: string; email?: string; address?: string };
  /** Section order; REPORT_SECTION is where the generated analysis report goes. */
  sections: string[];
  /** Decimals of percentages (2 in SAMR's bulletins). */
  decimals: number;
  /**
   * Add SAMR's 同比/环比 sentence to the report's opening paragraph. Off by
   * default: the seed bulletin has none, and the sentence needs an earlier
   * quarter whose figures are trustworthy.
   */
  trend: boolean;
  /** A recall's quantity above this is a warning naming the row (1e8 件 by default). */
  maxQuantity: number;
  /** @fontsource packages for the body (serif) and heading (sans) faces. */
  fonts: { serif: string; sans: string };
  /** Absolute paths, resolved against the config file. */
  templates?: string;
  browser?: string;
  data?: string;
  out?: string;
  /** Where the settings came from, for messages. */
  source: string;
  /** The folder of a configuration file that was found (not named with --config): default folders resolve there. */
  root?: string;
}

/** The generated 季度分析报告; the other sections hold articles. */
export const REPORT_SECTION = '季度分析报告';

export const DEFAULT_CONFIG: BulletinConfig = {
  province: '湖南省',
  sections: ['召回工作快讯', REPORT_SECTION, '市县召回动态', '专题节目访谈'],
  decimals: 2,
  trend: false,
  maxQuantity: 100_000_000,
  fonts: { serif: '@fontsource/noto-serif-sc', sans: '@fontsource/noto-sans-sc' },
  source: '默认设置',
};

/** For bulletin.config.js: `export default defineConfig({ province: '广东省' })`. */
export function defineConfig(config: ConfigFile): ConfigFile {
  return config;
}

const KEYS =
  'province、bulletinName、publisher、contact（title、phone、email、address）、sections、decimals、maxQuantity、trend、fonts（serif、sans）、templates、browser、data、out';

async function readRaw(path: string): Promise<unknown> {
  if (['.js', '.mjs'].includes(extname(path))) return loadConfigScript(path);
  const json = parseJsonBytes(await readRegularFile(path));
  if (!json.ok && json.reason === 'encoding')
    throw new BulletinError('config.encoding', 'config', `配置文件 ${path}：${json.message}。`, SAVE_AS_UTF8);
  if (!json.ok)
    throw new BulletinError(
      'config.json',
      'config',
      `配置文件 ${path} 不是有效的 JSON：${json.message}。`,
      '请检查逗号、引号和括号。',
    );
  return json.value;
}

/** Reads `explicit`, else the nearest bulletin.config.* (see findConfigFile), else defaults. */
export async function loadConfig(explicit: string | undefined, cwd: string): Promise<BulletinConfig> {
  let path: string | undefined;
  if (explicit) path = resolve(cwd, explicit);
  else {
    path = await findConfigFile(cwd);
    if (!path) return DEFAULT_CONFIG;
  }
  await refuseUnreadable(path, explicit !== undefined);
  const parsed = schema.safeParse(await readRaw(path));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.') || '(根)'}：${i.message}`).join('；');
    throw new BulletinError('config.invalid', 'config', `配置文件 ${path} 有误：${lines}`, `可用的设置项：${KEYS}。`);
  }
  const d = parsed.data;
  const base = dirname(path);
  const rel = (p: string | undefined) => (p ? resolve(base, p) : undefined);
  const fonts = { ...DEFAULT_CONFIG.fonts, ...d.fonts };
  const require = createRequire(resolve(base, 'noop.js'));
  for (const pkg of Object.values(fonts)) {
    try {
      createRequire(import.meta.url).resolve(`${pkg}/400.css`);
    } catch {
      try {
        require.resolve(`${pkg}/400.css`);
      } catch {
        throw new BulletinError(
          'config.font',
          'config',
          `配置的字体包“${pkg}”没有安装。`,
          `请先 npm install ${pkg}（@fontsource 的中文字体包）。`,
        );
      }
    }
  }
  return {
    ...DEFAULT_CONFIG,
    ...d,
    fonts,
    templates: rel(d.templates),
    browser: rel(d.browser),
    data: rel(d.data),
    out: rel(d.out),
    source: path,
    // Default data/ and out/ sit beside a file that was found; a file named with --config may be shared, so
    // its defaults stay in the working folder (its own data/out keys are still relative to it).
    root: explicit ? undefined : base,
  };
}
