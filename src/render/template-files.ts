/**
 * The template files: the default set with any file of an override folder
 * (--templates) taking its place, and what can be told of them without
 * Handlebars (partials and helpers that do not exist).
 */
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { readRegularText } from '../files/read-regular-file.js';
import { BulletinError } from '../model/errors.js';

/** Helpers the templates may use besides Handlebars' own (template-engine.ts registers them). */
export const HELPER_NAMES = new Set(['cssString']);
const BUILT_IN = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log', 'else']);

export interface Source {
  text: string;
  /** The file it came from, for messages. */
  path: string;
}

/** A template folder that is not there is an error (a typo would otherwise build with the defaults); partials/ is optional. */
async function listDir(dir: string, sub: string): Promise<string[]> {
  try {
    return await readdir(join(dir, sub));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (sub && code === 'ENOENT') return [];
    throw new BulletinError(
      'config.templates.missing',
      'config',
      code === 'ENOENT'
        ? `模板目录 ${dir} 不存在。`
        : `无法读取模板目录 ${join(dir, sub)}（${code === 'ENOTDIR' ? '它不是文件夹' : `系统错误 ${code ?? '未知'}`}）。`,
      '请检查 --templates 或配置文件中 templates 的路径（配置文件中的相对路径以配置文件所在的文件夹为准）；不需要自定义模板时去掉这一项。',
      { cause: e },
    );
  }
}

/** name (e.g. "partials/toc.hbs", "styles.css") → source; later folders override earlier ones. */
export async function templateFiles(dirs: readonly string[]): Promise<Map<string, Source>> {
  const out = new Map<string, Source>();
  for (const dir of dirs) {
    for (const sub of ['', 'partials']) {
      for (const name of (await listDir(dir, sub)).filter((f) => f.endsWith('.hbs') || f.endsWith('.css')).sort()) {
        const path = join(dir, sub, name);
        out.set(join(sub, name), { text: await readRegularText(path), path });
      }
    }
  }
  return out;
}

/** Partials and helpers a template uses that do not exist, with file and line. */
export function missingReferences(files: Map<string, Source>): string[] {
  const partials = new Set([...files.keys()].filter((k) => k.startsWith('partials')).map((k) => basename(k, '.hbs')));
  const out: string[] = [];
  for (const [name, src] of files) {
    if (!name.endsWith('.hbs')) continue;
    src.text.split('\n').forEach((line, i) => {
      for (const m of line.matchAll(/\{\{>\s*([\w-]+)/g))
        if (!partials.has(m[1] as string)) out.push(`${src.path} 第 ${i + 1} 行：找不到 partial “${m[1]}”`);
      for (const m of line.matchAll(/\{\{[#~]?\s*([A-Za-z][\w-]*)\s+[^}]/g)) {
        const helper = m[1] as string;
        if (!BUILT_IN.has(helper) && !HELPER_NAMES.has(helper))
          out.push(`${src.path} 第 ${i + 1} 行：没有名为“${helper}”的 helper`);
      }
    });
  }
  return out;
}

/** The template `name` of `files`; a template that is not there is an error naming the folders. */
export function templateOf(files: Map<string, Source>, dirs: readonly string[], name: string): Source {
  const src = files.get(name);
  if (!src)
    throw new BulletinError(
      'config.template.missing',
      'config',
      `模板 ${name} 不存在（查找了 ${dirs.join('、')}）。`,
      '请检查模板目录。',
    );
  return src;
}

export async function templateText(dirs: readonly string[], name: string): Promise<string> {
  return templateOf(await templateFiles(dirs), dirs, name).text;
}
