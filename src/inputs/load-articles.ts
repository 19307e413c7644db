/**
 * Articles: data/<quarter>/articles/*.md. Images are read here and handed
 * to rendering as data: URLs; a reference that leaves the quarter folder,
 * or is not a plain image file, is refused.
 */
import { realpath, stat } from 'node:fs/promises';
import { readRegularFile, readRegularText } from '../files/read-regular-file.js';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Article } from '../model/bulletin.js';
import { makeIssue, type ValidationIssue } from '../model/issues.js';
import { unreadableFinding } from '../model/system-reasons.js';
import { imageDamage } from '../ingest/image-damage.js';
import { looksLikeText, sniffImage, type ImageKind } from '../ingest/image-type.js';
import { checkArticleText } from '../validate/article-meta.js';
import { folderNames } from './locate-inputs.js';

const IMAGE_TYPES: Record<string, ImageKind> = {
  '.png': 'png',
  '.jpg': 'jpeg',
  '.jpeg': 'jpeg',
  '.gif': 'gif',
  '.webp': 'webp',
  '.svg': 'svg',
};
const MIME: Record<ImageKind, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
};

/** The bytes must be the image the name says: a text file renamed .png is refused, naming what it is. */
function contentMismatch(
  href: string,
  declared: ImageKind,
  bytes: Uint8Array,
): { code: string; message: string; hint: string } | null {
  const actual = sniffImage(bytes);
  if (actual === declared) return null;
  const what = actual
    ? `是 ${actual.toUpperCase()} 图片，与扩展名 ${extname(href)} 不符`
    : looksLikeText(bytes)
      ? '是一个文本文件'
      : '无法识别为图片（文件可能已损坏）';
  return {
    code: 'article.image.type',
    message: `图片“${href}”的内容不是 ${declared.toUpperCase()} 图片：${what}。`,
    hint: actual
      ? `请把文件扩展名改为 .${actual === 'jpeg' ? 'jpg' : actual}，或重新导出为与扩展名一致的格式。`
      : '请用看图软件打开确认，再重新导出为 PNG、JPG、GIF、WebP 或 SVG 图片。',
  };
}
/** A file of the right format that is no whole picture: it would print broken, and stop the Word edition. */
function damaged(href: string, bytes: Uint8Array, kind: ImageKind): ImageFinding | null {
  const why = imageDamage(bytes, kind);
  return why === null
    ? null
    : {
        code: 'article.image.damaged',
        message: `图片“${href}”已损坏：${why}。`,
        hint: '请用看图软件打开确认，重新复制原图，或另存为 PNG、JPG 后再使用。',
      };
}

const MAX_IMAGE_BYTES = 8 * 1024 * 1024;
// <…> around the path (CommonMark's form for one with spaces: <images/现场 照片.png>) or a bare path.
const IMAGE_REF = /!\[[^\]]*\]\(\s*(?:<([^>\n]+)>|([^)\s]+))(?:\s+"[^"]*")?\s*\)/g;

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

type ImageFinding = { code: string; message: string; hint: string };

const escapes = (from: string, to: string) => {
  const rel = relative(from, to);
  return rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..');
};

/** The real path of an article's image inside the quarter folder, or why it is not one. */
async function locateImage(quarterDir: string, articleDir: string, href: string): Promise<string | ImageFinding> {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || isAbsolute(href) || href.includes('\\')) {
    return {
      code: 'article.image.outside',
      message: `图片“${href}”不是数据文件夹中的文件（网址和绝对路径不会被读取）。`,
      hint: '请把图片放进本季度的文件夹（如 articles/images/），并用相对路径引用。',
    };
  }
  const outside = {
    code: 'article.image.outside',
    message: `图片“${href}”在本季度数据文件夹之外，不会被读取。`,
    hint: '请把图片复制到本季度的文件夹中再引用。',
  };
  const missing = (why = '') => ({
    code: 'article.image.missing',
    message: `找不到图片“${href}”${why}。`,
    hint: '请检查文件名和路径（相对于这篇文章所在的文件夹）。',
  });
  let named: string;
  try {
    named = resolve(articleDir, decodeURIComponent(href));
  } catch {
    return missing('（路径中的 % 编码无效）');
  }
  // Judged by the path first: whether a file exists outside the folder is none of the article's business.
  if (escapes(resolve(quarterDir), named)) return outside;
  let path: string;
  try {
    path = await realpath(named);
  } catch {
    return missing();
  }
  // A link inside the folder may still lead out of it.
  return escapes(await realpath(quarterDir), path) ? outside : path;
}

async function resolveImage(
  quarterDir: string,
  articleDir: string,
  href: string,
): Promise<{ url: string } | ImageFinding> {
  const path = await locateImage(quarterDir, articleDir, href);
  if (typeof path !== 'string') return path;
  const type = IMAGE_TYPES[extname(path).toLowerCase()];
  const info = await stat(path);
  if (!type || !info.isFile())
    return {
      code: 'article.image.type',
      message: `“${href}”不是支持的图片文件。`,
      hint: `支持的格式：${Object.keys(IMAGE_TYPES).join(' ')}。`,
    };
  if (info.size > MAX_IMAGE_BYTES)
    return {
      code: 'article.image.too-large',
      message: `图片“${href}”有 ${(info.size / 1048576).toFixed(1)} MB，超过 8 MB 的上限。`,
      hint: '请压缩图片后再使用。',
    };
  const bytes = await readRegularFile(path);
  return (
    contentMismatch(href, type, bytes) ??
    damaged(href, bytes, type) ?? { url: `data:${MIME[type]};base64,${bytes.toString('base64')}` }
  );
}

export interface LoadedArticles {
  articles: Article[];
  /** Every article file read, valid or not (display paths). */
  files: string[];
  issues: ValidationIssue[];
}

export async function loadArticles(
  quarterDir: string,
  sections: readonly string[],
  display: (p: string) => string,
  dir = join(quarterDir, 'articles'),
): Promise<LoadedArticles> {
  const names = await folderNames(dir, display);
  const out: LoadedArticles = { articles: [], files: [], issues: [] };
  for (const name of names.filter((n) => n.toLowerCase().endsWith('.md')).sort()) {
    const file = display(join(dir, name));
    out.files.push(file);
    let text: string;
    try {
      text = await readRegularText(join(dir, name));
    } catch (e) {
      out.issues.push(unreadableFinding(file, e));
      continue;
    }
    const v = checkArticleText(text, file, sections);
    out.issues.push(...v.issues);
    if (!v.article) continue;
    const images: Record<string, string> = {};
    const bodyStart = text.replace(/\r\n?/g, '\n').length - v.body.length;
    for (const m of v.body.matchAll(IMAGE_REF)) {
      const href = (m[1] ?? m[2]) as string;
      const r = await resolveImage(quarterDir, dir, href);
      if ('url' in r) images[href] = r.url;
      else
        out.issues.push(
          makeIssue(
            'error',
            r.code,
            { file, row: lineOf(text.replace(/\r\n?/g, '\n'), bodyStart + (m.index ?? 0)), value: href },
            r.message,
            r.hint,
          ),
        );
    }
    out.articles.push({ ...v.article, body: v.body, images });
  }
  out.articles.sort(
    (a, b) =>
      sections.indexOf(a.section) - sections.indexOf(b.section) || a.order - b.order || a.file.localeCompare(b.file),
  );
  return out;
}
