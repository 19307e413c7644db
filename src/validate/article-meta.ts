/** An article's front matter: section, title, date, order, and what the template needs. */
import { z } from '../model/schema.js';
import { isIsoDate } from '../model/calendar.js';
import type { Article } from '../model/bulletin.js';
import { makeIssue, type ValidationIssue } from '../model/issues.js';
import { splitFrontMatter, type FrontMatter } from '../ingest/front-matter.js';
import { textPlaceholders, withoutPlaceholders } from './placeholders.js';
import { countAdvice, dateAdvice, whenNull } from './value-advice.js';

const dateText = z
  .union([z.string(), z.date()], {
    error: whenNull('没有填写。应填写日期，如 2022-11-08；不需要时删去这一行', '日期要写成 YYYY-MM-DD，如 2022-11-08'),
  })
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
  .refine(isIsoDate, { error: (iss) => dateAdvice(iss.input) });

/** A text key: for an empty one (null in YAML), what to write. */
const text = (ifNull: string) => z.string({ error: whenNull(`没有填写。${ifNull}`) }).min(1);

const schema = z
  .object({
    section: text('应填写栏目名称'),
    title: text('应填写文章标题'),
    toc: text('应填写目录中的写法；与标题相同时删去这一行').optional(),
    subtitle: text('应填写副标题；没有副标题时删去这一行').optional(),
    date: dateText.optional(),
    order: z
      .number({
        error: (iss) =>
          countAdvice(iss.input, '没有填写。应填写整数，如 1；不需要排序时删去这一行', '要写成整数（如 1）'),
      })
      .int('要写成整数（如 1）')
      .optional(),
    speakers: z
      .array(z.string().min(1), {
        error: whenNull(
          '没有填写。应填写发言人，如 [张三, 李四]；不是访谈时删去这一行',
          '要写成一组发言人，如 [张三, 李四]',
        ),
      })
      .optional(),
  })
  .strict();

const FIELDS_HINT =
  '文章开头的 --- 之间可写：section（栏目）、title（标题）、toc（目录中的写法）、subtitle、date（YYYY-MM-DD）、order（栏目内顺序）、speakers（访谈发言人）。';

export function validateArticle(
  fm: FrontMatter,
  file: string,
  sections: readonly string[],
): { article: Omit<Article, 'body' | 'images'> | null; body: string; issues: ValidationIssue[] } {
  if (!fm.ok) {
    return {
      article: null,
      body: '',
      issues: [
        makeIssue(
          'error',
          'article.front-matter',
          { file, row: fm.line },
          `文章开头的信息块（front matter）无法读取：${fm.detail}。`,
          fm.original ? `${FIELDS_HINT}（YAML 解析器原文：${fm.original}）` : FIELDS_HINT,
        ),
      ],
    };
  }
  const parsed = schema.safeParse(fm.data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) =>
      makeIssue(
        'error',
        'article.front-matter',
        { file, header: i.path.join('.') || null },
        `文章信息“${i.path.join('.') || '(整体)'}”有误：${i.message}。`,
        FIELDS_HINT,
      ),
    );
    return { article: null, body: fm.body, issues };
  }
  const d = parsed.data;
  if (!sections.includes(d.section))
    return { article: null, body: fm.body, issues: [unknownSection(file, d.section, sections)] };
  return { article: articleMeta(file, d), body: fm.body, issues: [] };
}

function unknownSection(file: string, section: string, sections: readonly string[]): ValidationIssue {
  return makeIssue(
    'error',
    'article.section.unknown',
    { file, header: 'section' },
    `栏目“${section}”不存在。`,
    `可用的栏目：${sections.join('、')}。`,
  );
}

/** The front matter's optional fields with their defaults (toc is the title, order 0). */
function articleMeta(file: string, d: z.infer<typeof schema>): Omit<Article, 'body' | 'images'> {
  return {
    file,
    section: d.section,
    title: d.title,
    toc: d.toc ?? d.title,
    subtitle: d.subtitle ?? null,
    date: d.date ?? null,
    order: d.order ?? 0,
    speakers: d.speakers ?? [],
  };
}

/**
 * An article file's text: its stand-ins (one finding per line), then its
 * front matter with stand-in values other than the title left out, so a
 * draft still prints the article under its 【待填写】 title.
 */
export function checkArticleText(
  text: string,
  file: string,
  sections: readonly string[],
): ReturnType<typeof validateArticle> {
  const fm = splitFrontMatter(text);
  const v = validateArticle(
    fm.ok ? { ...fm, data: withoutPlaceholders(fm.data, ['title', 'section']) } : fm,
    file,
    sections,
  );
  return { ...v, issues: [...textPlaceholders(text, file), ...v.issues] };
}
