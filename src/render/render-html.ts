import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fontFaceCss } from './fonts.js';
import { renderTemplate } from './template-engine.js';
import type { BulletinView } from './view-bulletin.js';

export interface HtmlRenderer {
  render(view: BulletinView): Promise<string>;
  /** Characters no bundled font has; they would print as boxes. */
  missingGlyphs: string[];
}

/** Characters later passes add: page numbers, （续表）, row markers. */
const LAYOUT_CHARS = '0123456789（续表）[].-abcdefghijklmnopqrstuvwxyz';

/**
 * Renders once without fonts to learn which characters the page uses, then
 * keeps exactly the font subsets those characters need for every render of
 * this document (the layout passes change page numbers and table splits,
 * not the text).
 */
export async function htmlRenderer(templatesDir: string, title: string, draftView: BulletinView): Promise<HtmlRenderer> {
  const styles = await readFile(join(templatesDir, 'styles.css'), 'utf8');
  const draft = await renderTemplate(templatesDir, 'bulletin.hbs', { bulletin: draftView, title, styles, fontCss: '' });
  const fonts = await fontFaceCss(draft + LAYOUT_CHARS);
  return {
    render: (view) => renderTemplate(templatesDir, 'bulletin.hbs', { bulletin: view, title, styles, fontCss: fonts.css }),
    missingGlyphs: fonts.missing,
  };
}
