import { withDraftMarks, type DraftView } from './draft-notice.js';
import { fontFaceCss, type FontSpec } from './fonts.js';
import { joinHeadlineWords } from './headline-words.js';
import { joinLastTwoCharacters } from './line-ends.js';
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
 * not the text). A draft's marks (draft-notice.ts) are added to every render.
 */
export async function htmlRenderer(
  templateDirs: readonly string[],
  title: string,
  firstView: BulletinView,
  fontSpecs?: readonly FontSpec[],
  draft: DraftView | null = null,
): Promise<HtmlRenderer> {
  const styles = await templateText(templateDirs, 'styles.css');
  const marks = draft ? await renderTemplate(templateDirs, 'partials/draft.hbs', draft) : null;
  const page = async (view: BulletinView, fontCss: string) => {
    const bulletin = { bulletin: view, title, styles, fontCss };
    const text = await renderTemplate(templateDirs, 'bulletin.hbs', bulletin);
    const html = joinLastTwoCharacters(keepTokensWhole(joinHeadlineWords(text)));
    return marks === null ? html : withDraftMarks(html, marks);
  };
  const fonts = await fontFaceCss((await page(firstView, '')) + LAYOUT_CHARS, fontSpecs);
  return { render: (view) => page(view, fonts.css), missingGlyphs: fonts.missing };
}
