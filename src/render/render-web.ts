/**
 * The web edition (bulletin.html): the same view as the print, through its
 * own templates (templates/web/, over the shared partials) and stylesheet.
 * Tables are whole (one part each), the 本期要目 links to anchors instead of
 * printing page numbers, charts are inline SVG that scale with the column
 * and are named for screen readers, and the fonts are subset to the page.
 */
import { withDraftMarks, type DraftView } from './draft-notice.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { webFontSpecs } from './fonts.js';
import { breakHeadlinesBetweenWords } from './headline-words.js';
import { layOutTable, mapTables } from './table-layout.js';
import { renderTemplate, templateText } from './template-engine.js';
import type { BulletinView } from './view-bulletin.js';
import { subsetFontCss, type SubsetCache } from './web-fonts.js';

const escapeAttr = (s: string): string =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

const unescapeText = (s: string): string =>
  s.replace(
    /&(lt|gt|quot|#39|amp);/g,
    (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e] as string,
  );

/**
 * An ECharts SVG as an image with a name: role="img" and its title (charts.ts names the drawing;
 * else the first text drawn) as the accessible name. Size comes from the viewBox,
 * so the stylesheet can scale it to the column.
 */
export function labelChart(svg: string): string {
  if (/^<svg aria-label="/.test(svg)) return svg.replace(/^<svg\b/, '<svg role="img"');
  const title = /<text\b[^>]*>([^<]*)<\/text>/.exec(svg)?.[1] ?? '';
  const name = unescapeText(title).trim() || '统计图';
  return svg.replace(/^<svg\b/, `<svg role="img" aria-label="${escapeAttr(name)}"`);
}

/** The view as the web shows it: tables in one part, charts labelled. Pure. */
export function webView(view: BulletinView): BulletinView {
  const whole = mapTables(view, (t) => layOutTable(t, [], false));
  return {
    ...whole,
    sections: whole.sections.map((s) => {
      if (!s.report) return s;
      const charts = s.report.charts;
      return {
        ...s,
        report: {
          ...s.report,
          charts: charts && {
            categories: labelChart(charts.categories),
            regions: labelChart(charts.regions),
            defects: labelChart(charts.defects),
          },
          // The flow is what the template prints (report-flow.ts).
          flow: s.report.flow.map((b) => (b.svg ? { ...b, svg: labelChart(b.svg) } : b)),
        },
      };
    }),
  };
}

/** Built-in web templates override the print ones; a --templates folder's web/ overrides those. */
export const webTemplateDirs = (dirs: readonly string[]): string[] => [
  ...dirs,
  ...dirs.map((d) => join(d, 'web')).filter((d) => existsSync(d)),
];

export async function renderWebEdition(
  templateDirs: readonly string[],
  title: string,
  view: BulletinView,
  sansPackage?: string,
  draft: DraftView | null = null,
  fontCache: SubsetCache | null = null,
): Promise<string> {
  const dirs = webTemplateDirs(templateDirs);
  const styles = await templateText(dirs, 'styles.css');
  const bulletin = webView(view);
  // A draft's stamp and findings are part of the page, so their characters are in the font subset too.
  const marks = draft ? await renderTemplate(dirs, 'partials/draft.hbs', draft) : null;
  const page = async (fontCss: string) => {
    const html = await renderTemplate(dirs, 'bulletin.hbs', { bulletin, title, styles, fontCss });
    return marks === null ? html : withDraftMarks(html, marks);
  };
  const fontCss = await subsetFontCss(textOf(await page('')), webFontSpecs(sansPackage), fontCache);
  return breakHeadlinesBetweenWords(await page(fontCss));
}

/** What the page shows as text: markup, styles and data: URLs removed, entities read. */
function textOf(html: string): string {
  return unescapeText(html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]*>/g, ''));
}
