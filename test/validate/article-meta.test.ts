/**
 * An article's front matter with a wrong value: an empty key (null in YAML)
 * is told what to fill in, a date that does not exist is told so, and the
 * place names the key (字段), not a column.
 */
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../src/ingest/front-matter.js';
import { issueLocation } from '../../src/model/issues.js';
import { validateArticle } from '../../src/validate/article-meta.js';

const FILE = 'data/2022Q3/articles/01-快讯.md';

/** Each finding as where it is and what it says, for front matter with `lines` after section and title. */
function findings(lines: string, head = 'section: 工作动态\ntitle: 标题\n'): string[] {
  const text = `---\n${head}${lines}\n---\n正文\n`;
  return validateArticle(splitFrontMatter(text), FILE, ['工作动态']).issues.map(
    (i) => `${issueLocation(i)}：${i.message}`,
  );
}

describe('front matter values', () => {
  it.each([
    ['date:', 'date', '没有填写。应填写日期，如 2022-11-08；不需要时删去这一行'],
    ['order:', 'order', '没有填写。应填写整数，如 1；不需要排序时删去这一行'],
    ['toc:', 'toc', '没有填写。应填写目录中的写法；与标题相同时删去这一行'],
    ['subtitle:', 'subtitle', '没有填写。应填写副标题；没有副标题时删去这一行'],
    ['speakers:', 'speakers', '没有填写。应填写发言人，如 [张三, 李四]；不是访谈时删去这一行'],
  ])('an empty key (%s) is told what to fill in', (line, key, what) => {
    expect(findings(line)).toEqual([`${FILE} 字段“${key}”：文章信息“${key}”有误：${what}。`]);
  });

  it('a title left out is told to write one', () => {
    expect(findings('', 'section: 工作动态\n')).toEqual([
      `${FILE} 字段“title”：文章信息“title”有误：没有填写。应填写文章标题。`,
    ]);
  });

  it('a date that does not exist is told so; one in another form, the form', () => {
    expect(findings('date: 2022-02-30')).toEqual([
      `${FILE} 字段“date”：文章信息“date”有误：写的 2022-02-30 不是存在的日期：2022年2月没有30日。请改为实际的日期，如 2022-11-08。`,
    ]);
    expect(findings('date: 2022/11/08')).toEqual([
      `${FILE} 字段“date”：文章信息“date”有误：日期要写成 YYYY-MM-DD，如 2022-11-08。`,
    ]);
    expect(findings('date: 2022-11-08')).toEqual([]);
  });

  it('an order in quotes is told to drop them', () => {
    expect(findings('order: "3"')).toEqual([
      `${FILE} 字段“order”：文章信息“order”有误：要写成整数（如 1），不要加引号。`,
    ]);
  });
});
