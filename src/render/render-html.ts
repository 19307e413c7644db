import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fontFaceCss } from './fonts.js';
import { renderTemplate } from './template-engine.js';
import type { ReportView } from './view-model.js';

export interface RenderedHtml {
  html: string;
  /** Characters no bundled font has; they would print as boxes. */
  missingGlyphs: string[];
}

/**
 * Renders once without fonts to learn which characters the page uses, then
 * again with exactly the font subsets those characters need.
 */
export async function renderHtml(report: ReportView, templatesDir: string): Promise<RenderedHtml> {
  const styles = await readFile(join(templatesDir, 'styles.css'), 'utf8');
  const draft = await renderTemplate(templatesDir, 'bulletin.hbs', { report, styles, fontCss: '' });
  const fonts = await fontFaceCss(draft);
  const html = await renderTemplate(templatesDir, 'bulletin.hbs', { report, styles, fontCss: fonts.css });
  return { html, missingGlyphs: fonts.missing };
}
