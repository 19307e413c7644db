/** The only module that knows Handlebars. Templates get data, never code from data. */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import Handlebars from 'handlebars';
import { BulletinError } from '../model/errors.js';

/** A CSS string literal; "<" is escaped so data can never close the <style> element. */
function cssString(value: unknown): Handlebars.SafeString {
  const s = String(value ?? '').replace(/[\\"\n\r<>]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
  return new Handlebars.SafeString(`"${s}"`);
}

async function readTemplates(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const sub of ['', 'partials']) {
    let names: string[] = [];
    try {
      names = await readdir(join(dir, sub));
    } catch {
      continue;
    }
    for (const name of names.filter((f) => f.endsWith('.hbs')).sort()) {
      out.set(join(sub, name), await readFile(join(dir, sub, name), 'utf8'));
    }
  }
  return out;
}

/**
 * Renders `entry` (e.g. bulletin.hbs) from `dir` with every file of
 * dir/partials registered as a partial by its base name.
 */
export async function renderTemplate(dir: string, entry: string, context: object): Promise<string> {
  const files = await readTemplates(dir);
  const hb = Handlebars.create();
  hb.registerHelper('cssString', cssString);
  for (const [file, source] of files) {
    if (file.startsWith('partials')) hb.registerPartial(basename(file, '.hbs'), source);
  }
  const source = files.get(entry);
  if (source === undefined) {
    throw new BulletinError('config.template.missing', 'config', `模板文件 ${join(dir, entry)} 不存在。`, '请检查模板目录。');
  }
  try {
    return hb.compile(source, { strict: true, noEscape: false })(context);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new BulletinError('config.template.error', 'config', `模板 ${join(dir, entry)} 渲染失败：${detail}`, '请检查模板及其引用的 partial 和字段名。', { cause: e });
  }
}
