/**
 * The Word edition of one issue: the view's pieces, charts and drawings
 * rasterized, written with docx-file.ts, and the zip's timestamps fixed so
 * the same inputs give the same bytes.
 *
 * Charts are drawn by resvg, not by the Chromium page the PDF uses.
 * Measured on this 2-core machine under load (median of 5, the three
 * 2022Q3 charts at 250 dpi): resvg 0.96 s including unwrapping the fonts;
 * screenshots in an open Chromium page 3.7 s, launch not counted. resvg is
 * faster and lets `--format docx` run with no browser at all, so it is used
 * whether or not the PDF is built.
 */
import { BulletinError } from '../model/errors.js';
import { fixZipTimes } from './docx-zip.js';
import { docxPieces, type Piece } from './docx-content.js';
import type { DocxMeta } from './docx-core.js';
import type { DraftView } from './draft-notice.js';
import { writeDocx, type DocxPiece, type DrawnImage } from './docx-file.js';
import { TEXT_WIDTH_MM } from './docx-styles.js';
import { DEFAULT_FONTS, fontFilesFor, type FontSpec } from './fonts.js';
import { readPicture } from './image-size.js';
import { createRasterizer, type Rasterizer } from './rasterize.js';
import type { BulletinView } from './view-bulletin.js';

/** Print resolution of drawn charts and pictures (the issue asks for at least 200). */
export const DPI = 250;
/** styles.css: .photo img { max-width: 70%; max-height: 70mm } (CSS pixels are 96 per inch). */
const PHOTO = { maxWidthMm: TEXT_WIDTH_MM * 0.7, maxHeightMm: 70 };

const pixelsFor = (mm: number): number => Math.round((mm / 25.4) * DPI);

/** ECharts draws the title as the one bold text of the chart. */
const CHART_TITLE = /<text\b[^>]*font-weight:bold;[^>]*>([^<]+)<\/text>/;

/**
 * A chart, drawn without its title: the title becomes a Word caption above
 * it, text an editor can search, correct and read aloud, as tables have.
 */
function chartImage(svg: string, raster: Rasterizer): { image: DrawnImage; title: string | null } {
  const title = CHART_TITLE.exec(svg)?.[1] ?? null;
  const r = raster.draw(svg.replace(CHART_TITLE, ''), pixelsFor(TEXT_WIDTH_MM));
  const heightMm = (TEXT_WIDTH_MM * r.height) / r.width;
  return { image: { data: r.png, type: 'png', widthMm: TEXT_WIDTH_MM, heightMm, alt: title ?? '图表' }, title };
}

function pictureImage(p: Extract<Piece, { kind: 'picture' }>, raster: Rasterizer): DrawnImage {
  const pic = readPicture(p.url);
  if (!pic) {
    throw new BulletinError(
      'render.picture',
      'input',
      `文章图片“${p.alt || p.caption}”无法读取（不是可识别的 PNG、JPEG、GIF、WebP 或 SVG 图片）。`,
      '请用看图软件打开该图片确认它完好，必要时另存为 PNG 或 JPEG 后重试。',
    );
  }
  const natural = { w: (pic.width * 25.4) / 96, h: (pic.height * 25.4) / 96 };
  const scale = Math.min(1, PHOTO.maxWidthMm / natural.w, PHOTO.maxHeightMm / natural.h);
  const [widthMm, heightMm] = [natural.w * scale, natural.h * scale];
  if (pic.type === 'png' || pic.type === 'jpg' || pic.type === 'gif')
    return { data: pic.bytes, type: pic.type, widthMm, heightMm, alt: p.alt };
  const svg =
    pic.type === 'svg'
      ? pic.bytes.toString('utf8')
      : `<svg xmlns="http://www.w3.org/2000/svg" width="${pic.width}" height="${pic.height}"><image width="${pic.width}" height="${pic.height}" href="${p.url}"/></svg>`;
  return { data: raster.draw(svg, pixelsFor(widthMm)).png, type: 'png', widthMm, heightMm, alt: p.alt };
}

/** `draft`: the marks the HTML and PDF drafts carry (draft-notice.ts), on the Word edition too. */
export async function docxEdition(
  view: BulletinView,
  meta: DocxMeta,
  draft: DraftView | null,
  fontSpecs?: readonly FontSpec[],
  tempDir?: string,
): Promise<Uint8Array> {
  const pieces = docxPieces(view);
  const svgText = (url: string) =>
    url.startsWith('data:image/svg+xml;base64,') ? Buffer.from(url.slice(26), 'base64').toString('utf8') : '';
  const drawnText = pieces
    .map((p) => (p.kind === 'chart' ? p.svg : p.kind === 'picture' ? svgText(p.url) : ''))
    .join('');
  // Regular faces only: bold text is outlined instead (see rasterize.ts).
  const regular = (fontSpecs ?? DEFAULT_FONTS).filter((f) => f.weight === 400);
  const fonts = drawnText ? await fontFilesFor(drawnText, regular) : [];
  const raster = await createRasterizer(fonts, regular[0]?.family ?? 'Noto Serif SC', tempDir);
  let drawn: DocxPiece[];
  try {
    drawn = pieces.map((p): DocxPiece => {
      if (p.kind === 'chart') return { kind: 'image', ...chartImage(p.svg, raster), caption: null };
      if (p.kind === 'picture')
        return { kind: 'image', image: pictureImage(p, raster), title: null, caption: p.caption || null };
      return p;
    });
  } finally {
    await raster.close();
  }
  return fixZipTimes(await writeDocx(drawn, meta, draft), meta.date);
}
