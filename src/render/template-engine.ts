/**
 * The only module that knows Handlebars. Templates come from the default set
 * with any file of an override folder (--templates) taking its place.
 * Templates get data, never code from data.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
// The runtime alone: the compiler (with source-map) is loaded only for a template that was
// not compiled ahead of time (scripts/precompile-templates.mjs).
import type HandlebarsApi from 'handlebars';
import runtime from 'handlebars/runtime.js';
import { BulletinError } from '../model/errors.js';

/** The full package's API but compiling; the runtime's own typings declare nothing. */
const Handlebars = runtime as unknown as typeof HandlebarsApi;

/** A CSS string literal; "<" is escaped so data can never close the <style> element. */
function cssString(value: unknown): HandlebarsApi.SafeString {
  const s = String(value ?? '').replace(/[\\"\n\r<>]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
  return new Handlebars.SafeString(`"${s}"`);
}

const HELPERS: Record<string, HandlebarsApi.HelperDelegate> = { cssString };
const BUILT_IN = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log', 'else']);

interface Source {
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
        out.set(join(sub, name), { text: await readFile(path, 'utf8'), path });
      }
    }
  }
  return out;
}

/** Partials and helpers a template uses that do not exist, with file and line. */
function missingReferences(files: Map<string, Source>): string[] {
  const partials = new Set([...files.keys()].filter((k) => k.startsWith('partials')).map((k) => basename(k, '.hbs')));
  const out: string[] = [];
  for (const [name, src] of files) {
    if (!name.endsWith('.hbs')) continue;
    src.text.split('\n').forEach((line, i) => {
      for (const m of line.matchAll(/\{\{>\s*([\w-]+)/g))
        if (!partials.has(m[1] as string)) out.push(`${src.path} 第 ${i + 1} 行：找不到 partial “${m[1]}”`);
      for (const m of line.matchAll(/\{\{[#~]?\s*([A-Za-z][\w-]*)\s+[^}]/g)) {
        const helper = m[1] as string;
        if (!BUILT_IN.has(helper) && !(helper in HELPERS))
          out.push(`${src.path} 第 ${i + 1} 行：没有名为“${helper}”的 helper`);
      }
    });
  }
  return out;
}

/** How every template is compiled; scripts/precompile-templates.mjs compiles the defaults alike. */
const COMPILE_OPTIONS = { strict: true };

type Specs = ReadonlyMap<string, TemplateSpecification>;
let precompiledAt = new URL('./precompiled-templates.js', import.meta.url);
let precompiled: Promise<Specs | null> | null = null;

/** The default templates compiled when the bundle was made, by the SHA-256 of their text; none outside the bundle. */
function precompiledSpecs(): Promise<Specs | null> {
  return (precompiled ??= import(precompiledAt.href).then(
    (m: { handlebarsVersion: string; compileOptions: object; templates: Record<string, TemplateSpecification> }) =>
      // Compiled by another Handlebars (a bundle left over an upgrade) or with other options: compiled again.
      m.handlebarsVersion === Handlebars.VERSION && JSON.stringify(m.compileOptions) === JSON.stringify(COMPILE_OPTIONS)
        ? new Map(Object.entries(m.templates))
        : null,
    (e: unknown) => {
      if ((e as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') return null;
      throw e;
    },
  ));
}

/** Tests: take the precompiled templates from `url` (a module as the bundle has). */
export function usePrecompiledTemplates(url: URL): void {
  precompiledAt = url;
  precompiled = null;
  compiled.clear();
}

/**
 * Compiled templates by entry and the exact text of every file: a build
 * renders the same templates several times (each layout pass), and compiling
 * them costs more than rendering; an edited file (preview) compiles afresh.
 */
const compiled = new Map<string, Promise<HandlebarsTemplateDelegate>>();

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

async function compileAll(files: Map<string, Source>, source: Source): Promise<HandlebarsTemplateDelegate> {
  const specs = await precompiledSpecs();
  const templates = [...files].filter(([name]) => name.endsWith('.hbs'));
  const specOf = (src: Source) => specs?.get(sha256(src.text));
  const ready = templates.every(([, src]) => specOf(src)) && specOf(source);
  const hb = ready ? Handlebars.create() : (await import('handlebars')).default.create();
  const make = (src: Source) => {
    const spec = specOf(src);
    return spec ? hb.template(spec) : hb.compile(src.text, { ...COMPILE_OPTIONS }); // a copy: Handlebars adds to it
  };
  for (const [name, fn] of Object.entries(HELPERS)) hb.registerHelper(name, fn);
  // Partials compiled with the entry's options, as Handlebars would compile them on first use.
  for (const [name, src] of templates)
    if (name.startsWith('partials')) hb.registerPartial(basename(name, '.hbs'), make(src));
  return make(source);
}

function compile(files: Map<string, Source>, source: Source): Promise<HandlebarsTemplateDelegate> {
  const key = JSON.stringify([source.path, [...files].map(([name, src]) => [name, src.path, src.text])]);
  let template = compiled.get(key);
  if (!template) {
    template = compileAll(files, source);
    compiled.set(key, template);
    // A failure is reported to every caller; the next render tries again.
    template.catch(() => compiled.delete(key));
  }
  return template;
}

/**
 * Renders `entry` (e.g. bulletin.hbs) with every file of partials/
 * registered as a partial by its base name.
 */
export async function renderTemplate(dirs: readonly string[], entry: string, context: object): Promise<string> {
  const files = await templateFiles(dirs);
  const source = files.get(entry);
  if (!source)
    throw new BulletinError(
      'config.template.missing',
      'config',
      `模板 ${entry} 不存在（查找了 ${dirs.join('、')}）。`,
      '请检查模板目录。',
    );
  const missing = missingReferences(files);
  if (missing.length)
    throw new BulletinError(
      'config.template.reference',
      'config',
      `模板有误：${missing.join('；')}。`,
      '请改正模板中的名字，或在 --templates 目录中补上该 partial；可用的 helper：cssString，以及 Handlebars 自带的 if、each、with、unless、lookup。',
    );
  try {
    return (await compile(files, source))(context);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new BulletinError(
      'config.template.error',
      'config',
      `模板 ${source.path} 渲染失败：${detail}`,
      '请检查模板及其引用的 partial 和字段名。',
      { cause: e },
    );
  }
}

export async function templateText(dirs: readonly string[], name: string): Promise<string> {
  const src = (await templateFiles(dirs)).get(name);
  if (!src)
    throw new BulletinError(
      'config.template.missing',
      'config',
      `模板 ${name} 不存在（查找了 ${dirs.join('、')}）。`,
      '请检查模板目录。',
    );
  return src.text;
}
