import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BulletinError } from '../../src/model/errors.js';
import { renderTemplate, templateProblems } from '../../src/render/template-engine.js';
import { tempDir } from '../helpers/cli.js';

function templates(files: Record<string, string>): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'partials'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('renderTemplate', () => {
  it('escapes data: markup in a product name renders as text', async () => {
    const dir = templates({ 'page.hbs': '<p>{{name}}</p>' });
    const html = await renderTemplate([dir], 'page.hbs', { name: '<script>alert(1)</script>&' });
    expect(html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;&amp;</p>');
  });

  it('writes CSS strings that data cannot break out of', async () => {
    const dir = templates({ 'page.hbs': '<style>x{content: {{cssString name}} }</style>' });
    const html = await renderTemplate([dir], 'page.hbs', { name: 'a"</style><script>' });
    expect(html).not.toContain('</style><script>');
    expect(html).toBe('<style>x{content: "a\\22 \\3c /style\\3e \\3c script\\3e " }</style>');
  });

  it('registers files in partials/ by name', async () => {
    const dir = templates({ 'page.hbs': '[{{> item x}}]', 'partials/item.hbs': '<b>{{v}}</b>' });
    expect(await renderTemplate([dir], 'page.hbs', { x: { v: 1 } })).toBe('[<b>1</b>]');
  });

  it('lets an override folder replace one partial, the rest falling back to the defaults', async () => {
    const base = templates({ 'page.hbs': '[{{> a}}{{> b}}]', 'partials/a.hbs': 'A', 'partials/b.hbs': 'B' });
    const over = templates({ 'partials/b.hbs': 'b!' });
    expect(await renderTemplate([base, over], 'page.hbs', {})).toBe('[Ab!]');
  });

  it('names file and line of a missing partial or helper', async () => {
    const dir = templates({ 'page.hbs': 'x\n{{> nowhere}}\n{{shout name}}' });
    const err = await renderTemplate([dir], 'page.hbs', { name: 'a' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BulletinError);
    expect((err as BulletinError).message).toBe(
      `模板有误：${join(dir, 'page.hbs')} 第 2 行：找不到 partial “nowhere”；${join(dir, 'page.hbs')} 第 3 行：没有名为“shout”的 helper。`,
    );
  });

  it('names the template when a field is missing', async () => {
    const dir = templates({ 'page.hbs': '{{nothere}}' });
    const err = await renderTemplate([dir], 'page.hbs', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BulletinError);
    expect((err as BulletinError).message).toBe(
      `模板 ${join(dir, 'page.hbs')} 渲染失败：第 1 行使用了不存在的字段“nothere”。`,
    );
  });

  // Handlebars' "Parse error on line 2: … Expecting 'OPEN_INVERSE_CHAIN', … got 'EOF'" reached the user.
  it('a template that does not parse is named with its line, in Chinese, before anything renders', async () => {
    const dir = templates({ 'page.hbs': 'x\n{{#if a}} unclosed', 'partials/p.hbs': '{{#if a}}{{/each}}' });
    const err = await renderTemplate([dir], 'page.hbs', {}).catch((e: unknown) => e);
    expect((err as BulletinError).message).toBe(
      `模板有误：${join(dir, 'page.hbs')} 第 2 行：模板在结束前缺少结束标记（如 {{/if}}、{{/each}}）；${join(dir, 'partials', 'p.hbs')} 第 1 行：{{/each}} 与 {{#if}} 不配对。`,
    );
    expect(await templateProblems([dir])).toHaveLength(2);
  });
});
