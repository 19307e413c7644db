import { fontFaceCss, type FontSpec } from './fonts.js';
import { keepTokensWhole } from './nowrap.js';
import { renderTemplate, templateText } from './template-engine.js';
import type { BulletinView } from './view-bulletin.js';

export interface HtmlRenderer {
  render(view: BulletinView): Promise<string>;
  /** Characters no bundled font has; they would print as boxes. */
  missingGlyphs: string[];
}

/** Characters later passes add: page numbers and （续表）. */
const LAYOUT_CHARS = '0123456789（续表）';

/**
 * Renders once without fonts to learn which characters the page uses, then
 * keeps exactly the font subsets those characters need for every render of
 * this document (the layout passes change page numbers and table splits,
 * not the text).
 */
export async function htmlRenderer(
  templateDirs: readonly string[],
  title: string,
  draftView: BulletinView,
  fontSpecs?: readonly FontSpec[],
): Promise<HtmlRenderer> {
  const styles = await templateText(templateDirs, 'styles.css');
  const draft = await renderTemplate(templateDirs, 'bulletin.hbs', { bulletin: draftView, title, styles, fontCss: '' });
  const fonts = await fontFaceCss(draft + LAYOUT_CHARS, fontSpecs);
  return {
    render: async (view) =>
      keepTokensWhole(
        await renderTemplate(templateDirs, 'bulletin.hbs', { bulletin: view, title, styles, fontCss: fonts.css }),
      ),
    missingGlyphs: fonts.missing,
  };
}
