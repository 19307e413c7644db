import { withDraftMarks, type DraftView } from './draft-notice.js';
import type { FontSpec } from './fonts.js';
import { cachedFontFaceCss, type FontCssCache } from './font-css-cache.js';
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

/** The text's print passes: headline words, tokens kept whole, no last character alone. */
const textPasses = (text: string): string => joinLastTwoCharacters(keepTokensWhole(joinHeadlineWords(text)));

/**
 * Stands for the inlined fonts (3.4 MB for the sample) while the text
 * passes run, so that their regular expressions scan the 80 kB of the page
 * instead (about 30 ms a render, four renders a build). The result is the
 * same: those passes leave a <style> element's CSS as it is, and a match of
 * the headline pass needs a "<" the fonts' CSS does not have. Anything else
 * (a template placing the fonts elsewhere) renders with the fonts in place.
 */
const FONT_SLOT = '\uE000bulletin-font-css\uE000';
const fontSlotFits = (fontCss: string): boolean => !fontCss.includes('<') && !fontCss.includes(FONT_SLOT);
const fontSlotsAlone = (text: string): boolean =>
  text.split(FONT_SLOT).length === text.split(`<style>${FONT_SLOT}</style>`).length;

/**
 * Renders once without fonts to learn which characters the page uses, then
 * keeps exactly the font subsets those characters need for every render of
 * this document (the layout passes change page numbers and table splits,
 * not the text). A draft's marks (draft-notice.ts) are added to every render.
 * That first render is kept for the first view, which is asked for again.
 */
export async function htmlRenderer(
  templateDirs: readonly string[],
  title: string,
  firstView: BulletinView,
  fontSpecs?: readonly FontSpec[],
  draft: DraftView | null = null,
  fontCache: FontCssCache | null = null,
): Promise<HtmlRenderer> {
  const styles = await templateText(templateDirs, 'styles.css');
  const marks = draft ? await renderTemplate(templateDirs, 'partials/draft.hbs', draft) : null;
  const render = (view: BulletinView, css: string) =>
    renderTemplate(templateDirs, 'bulletin.hbs', { bulletin: view, title, styles, fontCss: css });
  // The page with the fonts' slot in place, after the text passes; null if the slot cannot stand in.
  const slotted = async (view: BulletinView): Promise<string | null> => {
    const text = await render(view, FONT_SLOT);
    return fontSlotsAlone(text) ? textPasses(text) : null;
  };
  const page = async (view: BulletinView, fontCss: string, done: string | null = null) => {
    const fast = fontSlotFits(fontCss) ? (done ?? (await slotted(view))) : null;
    const out = fast === null ? textPasses(await render(view, fontCss)) : fast.split(FONT_SLOT).join(fontCss);
    return marks === null ? out : withDraftMarks(out, marks);
  };
  const first = await slotted(firstView);
  const fonts = await cachedFontFaceCss((await page(firstView, '', first)) + LAYOUT_CHARS, fontSpecs, fontCache);
  // The first view is rendered again with the fonts (print-bulletin.ts: the first pass's view, for the
  // layout cache's key): its text is kept rather than rendered twice.
  const firstJson = JSON.stringify(firstView);
  return {
    render: (view) => page(view, fonts.css, JSON.stringify(view) === firstJson ? first : null),
    missingGlyphs: fonts.missing,
  };
}
