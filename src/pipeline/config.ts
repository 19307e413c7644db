/**
 * Configuration: defaults, then bulletin.config.json (or --config FILE).
 * Everything that names the province or the publishing unit lives here,
 * so another province's center needs no code change.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import { BulletinError } from '../model/errors.js';

const schema = z
  .object({
    province: z.string().min(1).optional(),
    bulletinName: z.string().min(1).optional(),
    publisher: z.string().min(1).optional(),
  })
  .strict();

export type ConfigFile = z.infer<typeof schema>;

export interface BulletinConfig {
  /** Home province: name (湖南省), short name (湖南) or code (430000). */
  province: string;
  /** Defaults derived from the province: 湖南缺陷产品召回. */
  bulletinName?: string;
  publisher?: string;
  /** Where the settings came from, for messages. */
  source: string;
}

export const DEFAULT_CONFIG: BulletinConfig = { province: '湖南省', source: '默认设置' };

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
    throw new BulletinError('config.invalid', 'config', `配置文件 ${path} 有误：${lines}`, '可用的设置项：province、bulletinName、publisher。');
  }
  return { ...DEFAULT_CONFIG, ...parsed.data, source: path };
}
