import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/pipeline/load-articles.js';
import { tempDir } from '../helpers/cli.js';

const SECTIONS = ['召回工作快讯', '市县召回动态'];

function quarter(files: Record<string, string>): string {
  const root = tempDir();
  const dir = join(root, '2022Q3');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const article = (front: string, body = '正文。') => `---\n${front}\n---\n\n${body}\n`;

describe('loadArticles', () => {
  it('reads front matter and orders articles by section then order', async () => {
    const dir = quarter({
      'articles/b.md': article('section: 召回工作快讯\ntitle: 乙\norder: 2'),
      'articles/a.md': article('section: 市县召回动态\ntitle: 丙\norder: 1'),
      'articles/c.md': article('section: 召回工作快讯\ntitle: 甲\norder: 1\ndate: 2022-09-22\ntoc: 甲（目录）'),
    });
    const r = await loadArticles(dir, SECTIONS, (p) => p);
    expect(r.issues).toEqual([]);
    expect(r.articles.map((a) => [a.title, a.toc, a.date])).toEqual([
      ['甲', '甲（目录）', '2022-09-22'],
      ['乙', '乙', null],
      ['丙', '丙', null],
    ]);
  });

  it('inlines images from inside the quarter folder as data: URLs', async () => {
    const dir = quarter({
      'articles/a.md': article('section: 召回工作快讯\ntitle: 甲', '![图](images/p.svg "说明")'),
      'articles/images/p.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    });
    const r = await loadArticles(dir, SECTIONS, (p) => p);
    expect(r.issues).toEqual([]);
    expect(r.articles[0]?.images['images/p.svg']).toMatch(/^data:image\/svg\+xml;base64,/);
  });

  it('refuses images outside the quarter folder, URLs, missing files and non-images', async () => {
    const dir = quarter({
      'articles/a.md': article(
        'section: 召回工作快讯\ntitle: 甲',
        '![a](../../secret.png)\n\n![b](https://example.invalid/x.png)\n\n![c](images/none.png)\n\n![d](notes.txt)',
      ),
      'articles/notes.txt': 'x',
    });
    writeFileSync(join(dir, '..', 'secret.png'), 'x');
    const r = await loadArticles(dir, SECTIONS, (p) => p);
    expect(r.issues.map((i) => [i.code, i.value, i.row])).toEqual([
      ['article.image.outside', '../../secret.png', 6],
      ['article.image.outside', 'https://example.invalid/x.png', 8],
      ['article.image.missing', 'images/none.png', 10],
      ['article.image.type', 'notes.txt', 12],
    ]);
  });

  it('reports broken front matter and unknown sections with the valid ones', async () => {
    const dir = quarter({
      'articles/a.md': '没有信息块',
      'articles/b.md': article('section: 新栏目\ntitle: 乙'),
      'articles/c.md': article('section: 召回工作快讯'),
      'articles/d.md': article('section: [unclosed'),
    });
    const r = await loadArticles(dir, SECTIONS, (p) => p);
    expect(r.articles).toEqual([]);
    expect(r.issues.map((i) => i.code)).toEqual([
      'article.front-matter',
      'article.section.unknown',
      'article.front-matter',
      'article.front-matter',
    ]);
    expect(r.issues[1]?.hint).toBe('可用的栏目：召回工作快讯、市县召回动态。');
    expect(r.issues[2]?.message).toContain('title');
  });
});
