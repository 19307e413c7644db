/**
 * The only module that knows Handlebars. Templates come from the default set
 * with any file of an override folder (--templates) taking its place.
 * Templates get data, never code from data.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
// The runtime alone: the compiler (with source-map) is loaded only for a template that was
// not compiled ahead of time (scripts/precompile-templates.mjs).
import type HandlebarsApi from 'handlebars';
import runtime from 'handlebars/runtime.js';
import { BulletinError } from '../model/errors.js';
import { missingReferences, templateFiles, templateOf, type Source } from './template-files.js';

export { templateFiles, templateText } from './template-files.js';

/** The full package's API but compiling; the runtime's own typings declare nothing. */
const Handlebars = runtime as unknown as typeof HandlebarsApi;

/** A CSS string literal; "<" is escaped so data can never close the <style> element. */
function cssString(value: unknown): HandlebarsApi.SafeString {
  const s = String(value ?? '').replace(/[\\"\n\r<>]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
  return new Handlebars.SafeString(`"${s}"`);
}

const HELPERS: Record<string, HandlebarsApi.HelperDelegate> = { cssString };

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

/** A Handlebars parse error in words an editor acts on, with file and line. */
function syntaxProblem(src: Source, e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  const line = /on line (\d+)/.exec(text)?.[1] ?? / - (\d+):\d+/.exec(text)?.[1];
  const where = `${src.path}${line ? ` 第 ${line} 行` : ''}`;
  const mismatch = /^(\S+) doesn't match (\S+)/.exec(text);
  if (mismatch) return `${where}：{{/${mismatch[2]}}} 与 {{#${mismatch[1]}}} 不配对`;
  if (/got 'EOF'/.test(text)) return `${where}：模板在结束前缺少结束标记（如 {{/if}}、{{/each}}）`;
  return `${where}：有无法解析的 {{…}} 写法`;
}

/** Templates that do not parse: only those not compiled ahead of time (the defaults always parse). */
async function syntaxErrors(files: Map<string, Source>): Promise<string[]> {
  const specs = await precompiledSpecs();
  const own = [...files].filter(([name, src]) => name.endsWith('.hbs') && !specs?.get(sha256(src.text)));
  if (own.length === 0) return [];
  const hb = (await import('handlebars')).default;
  return own.flatMap(([, src]) => {
    try {
      hb.parse(src.text);
      return [];
    } catch (e) {
      return [syntaxProblem(src, e)];
    }
  });
}

/** What stops the templates in `dirs` from rendering, found without rendering them (doctor, and before a build renders). */
export async function templateProblems(dirs: readonly string[]): Promise<string[]> {
  const files = await templateFiles(dirs);
  return [...missingReferences(files), ...(await syntaxErrors(files))];
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
  const source = templateOf(files, dirs, entry);
  const missing = [...missingReferences(files), ...(await syntaxErrors(files))];
  if (missing.length)
    throw new BulletinError(
      'config.template.reference',
      'config',
      `模板有误：${missing.join('；')}。`,
      '请改正模板（{{#if}} 要有对应的 {{/if}}）中的名字，或在 --templates 目录中补上该 partial；可用的 helper：cssString，以及 Handlebars 自带的 if、each、with、unless、lookup。',
    );
  try {
    return (await compile(files, source))(context);
  } catch (e) {
    // Strict mode's "x" not defined in [object Object] - 3:5: a field the template names that the data lacks.
    const text = e instanceof Error ? e.message : '';
    const field = /^"([^"]+)" not defined in .* - (\d+):\d+/.exec(text);
    const detail = field ? `第 ${field[2]} 行使用了不存在的字段“${field[1]}”` : '（详细信息见 BULLETIN_DEBUG=1）';
    throw new BulletinError(
      'config.template.error',
      'config',
      `模板 ${source.path} 渲染失败：${detail}。`,
      '请检查模板及其引用的 partial 和字段名。',
      { cause: e },
    );
  }
}
