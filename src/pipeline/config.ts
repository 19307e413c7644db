/**
 * Configuration: defaults, then bulletin.config.json (or --config FILE).
 * Everything that names the province or the publishing unit lives here,
 * so another province's center needs no code change.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from '../model/schema.js';
import { BulletinError } from '../model/errors.js';

const schema = z
  .object({
    province: z.string().min(1).optional(),
    bulletinName: z.string().min(1).optional(),
    publisher: z.string().min(1).optional(),
    contact: z
      .object({ title: z.string().optional(), phone: z.string().optional(), email: z.string().optional(), address: z.string().optional() })
      .strict()
      .optional(),
    sections: z.array(z.string().min(1)).min(1).optional(),
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
  /** Where the settings came from, for messages. */
  source: string;
}

/** The generated 季度分析报告; the other sections hold articles. */
export const REPORT_SECTION = '季度分析报告';

export const DEFAULT_CONFIG: BulletinConfig = {
  province: '湖南省',
  sections: ['召回工作快讯', REPORT_SECTION, '市县召回动态', '专题节目访谈'],
  source: '默认设置',
};

/** Reads `explicit`, else ./bulletin.config.json if present, else defaults. */
export async function loadConfig(explicit: string | undefined, cwd: string): Promise<BulletinConfig> {
  const path = resolve(cwd, explicit ?? 'bulletin.config.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if (!explicit && (e as NodeJS.ErrnoException).code === 'ENOENT') return DEFAULT_CONFIG;
    throw new BulletinError('config.unreadable', 'config', `配置文件 ${path} 无法读取。`, '请检查 --config 指定的路径。', { cause: e });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new BulletinError('config.json', 'config', `配置文件 ${path} 不是有效的 JSON：${(e as Error).message}`, '请检查逗号、引号和括号。', { cause: e });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.') || '(根)'}：${i.message}`).join('；');
    throw new BulletinError('config.invalid', 'config', `配置文件 ${path} 有误：${lines}`, '可用的设置项：province、bulletinName、publisher、contact（title、phone、email、address）、sections。');
  }
  return { ...DEFAULT_CONFIG, ...parsed.data, source: path };
}
