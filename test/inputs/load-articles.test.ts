import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/inputs/load-articles.js';
import { bulletin, ROOT, sampleProject, tempDir } from '../helpers/cli.js';

const SECTIONS = ['召回工作快讯', '市县召回动态'];
/** Whole pictures of each format (8x6 PNG, JPEG and WebP as Chromium saves them; a 1x1 GIF). */
const IMAGES = join(ROOT, 'fixtures', 'images');

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

  it('reads a path in <…> (CommonMark’s form for one with spaces), and finds it missing as any other', async () => {
    const dir = quarter({
      'articles/a.md': article(
        'section: 召回工作快讯\ntitle: 甲',
        '![图](<images/现场 照片.svg> "说明")\n\n![缺](<images/不存在 的.png>)',
      ),
      'articles/images/现场 照片.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    });
    const r = await loadArticles(dir, SECTIONS, (p) => p);
    expect(r.articles[0]?.images['images/现场 照片.svg']).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(r.issues.map((i) => [i.code, i.value])).toEqual([['article.image.missing', 'images/不存在 的.png']]);
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

  it('checks that an image is what its name says (a text file named .png is refused, naming the file)', async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
    const dir = quarter({
      'articles/a.md': article(
        'section: 召回工作快讯\ntitle: 甲',
        ['t.png', 'j.png', 'z.gif', 'ok.png', 'ok.jpg', 'ok.gif', 'ok.webp', 'x.svg', 'ok.svg']
          .map((n) => `![${n}](images/${n})`)
          .join('\n\n'),
      ),
      'articles/images/t.png': '这不是图片，是文字说明。\n',
      'articles/images/x.svg': '<html><body>not svg</body></html>',
      'articles/images/ok.svg':
        '\ufeff<?xml version="1.0"?>\n<!-- drawn -->\n<svg xmlns="http://www.w3.org/2000/svg"/>',
    });
    writeFileSync(join(dir, 'articles/images/j.png'), jpeg);
    writeFileSync(join(dir, 'articles/images/z.gif'), Buffer.from([0x00, 0xff, 0x10, 0x80, 0x00]));
    for (const ext of ['png', 'jpg', 'gif', 'webp'])
      cpSync(join(IMAGES, `whole.${ext}`), join(dir, `articles/images/ok.${ext}`));
    const r = await loadArticles(dir, SECTIONS, (p) => p);
    expect(r.issues.map((i) => [i.code, i.value, i.row, i.message])).toEqual([
      ['article.image.type', 'images/t.png', 6, '图片“images/t.png”的内容不是 PNG 图片：是一个文本文件。'],
      [
        'article.image.type',
        'images/j.png',
        8,
        '图片“images/j.png”的内容不是 PNG 图片：是 JPEG 图片，与扩展名 .png 不符。',
      ],
      [
        'article.image.type',
        'images/z.gif',
        10,
        '图片“images/z.gif”的内容不是 GIF 图片：无法识别为图片（文件可能已损坏）。',
      ],
      ['article.image.type', 'images/x.svg', 20, '图片“images/x.svg”的内容不是 SVG 图片：是一个文本文件。'],
    ]);
    expect(r.issues[1]?.hint).toBe('请把文件扩展名改为 .jpg，或重新导出为与扩展名一致的格式。');
    expect(Object.keys(r.articles[0]?.images ?? {}).sort()).toEqual([
      'images/ok.gif',
      'images/ok.jpg',
      'images/ok.png',
      'images/ok.svg',
      'images/ok.webp',
    ]);
    expect(r.articles[0]?.images['images/ok.jpg']).toMatch(/^data:image\/jpeg;base64,/);
  });

  it('says in Chinese what is wrong with the YAML of a front matter, the parser English only in the hint', async () => {
    const dir = quarter({
      'articles/a.md': article('section: 召回工作快讯\ntitle: &t 甲\ntoc: *t'),
      'articles/b.md': article('section: 召回工作快讯\ntitle: 乙\ntitle: 丙'),
      'articles/c.md': article('section: 召回工作快讯\ntitle: "丁'),
      'articles/d.md': article('section: 召回工作快讯\ntitle: !!js/function 戊'),
      'articles/e.md': article('section: 召回工作快讯\ntitle:\n\t- 己'),
    });
    const r = await loadArticles(dir, SECTIONS, (p) => p);
    expect(r.issues.map((i) => [i.file.slice(-4), i.code, i.row, i.message])).toEqual([
      [
        'a.md',
        'article.front-matter',
        null,
        '文章开头的信息块（front matter）无法读取：含有以 & 或 * 开头的引用，本工具不支持（内容本身以 & 或 * 开头时请用引号括起来）。',
      ],
      ['b.md', 'article.front-matter', 4, '文章开头的信息块（front matter）无法读取：同一个名称写了两次。'],
      ['c.md', 'article.front-matter', 4, '文章开头的信息块（front matter）无法读取：缺少配对的引号或括号。'],
      [
        'd.md',
        'article.front-matter',
        3,
        '文章开头的信息块（front matter）无法读取：含有以 ! 开头的标记，本工具不支持。',
      ],
      [
        'e.md',
        'article.front-matter',
        4,
        '文章开头的信息块（front matter）无法读取：用了制表符（Tab）缩进，请改用空格。',
      ],
    ]);
    expect(r.issues[0]?.hint).toMatch(/（YAML 解析器原文：Alias resolution is disabled）$/);
    for (const i of r.issues) expect(i.message.replace('front matter', '')).not.toMatch(/[A-Za-z]{4,}/);
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

  it('a missing articles folder is an issue without articles; one that cannot be read is an error, not an empty folder', async () => {
    await expect(loadArticles(quarter({ 'issue.json': '{}' }), SECTIONS, (p) => p)).resolves.toMatchObject({
      articles: [],
    });
    // A link to itself: readdir fails with ELOOP, as it fails with EACCES for a user without permission.
    const dir = quarter({ 'issue.json': '{}' });
    symlinkSync('articles', join(dir, 'articles'));
    await expect(loadArticles(dir, SECTIONS, (p) => `shown/${p.slice(dir.length + 1)}`)).rejects.toMatchObject({
      code: 'input.folder.unreadable',
      kind: 'input',
      message: '无法读取文件夹 shown/articles（ELOOP）。',
    });
  });

  it('build and validate stop with exit 3 instead of printing the issue without its articles', async () => {
    const root = tempDir();
    cpSync(sampleProject(), root, { recursive: true });
    const q3 = join(root, 'data', '2022Q3');
    rmSync(join(q3, 'articles'), { recursive: true });
    symlinkSync('articles', join(q3, 'articles'));
    for (const args of [
      ['validate', 'data/2022Q3'],
      ['build', '--quarter', '2022Q3', '--format', 'html'],
    ]) {
      const r = await bulletin(args, { cwd: root });
      expect(r.code, args.join(' ')).toBe(3);
      expect(r.stderr).toContain('无法读取文件夹');
    }
  });
});
