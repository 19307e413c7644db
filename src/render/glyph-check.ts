/**
 * Characters the print's fonts do not have: they would print as boxes.
 * A PDF build learns them while making its font rules (render-html.ts); a
 * build without a PDF (the web edition, the preview) checks the text of
 * its view against the same fonts, so the editor hears of them before the
 * issue is printed.
 */
import { makeIssue, type ValidationIssue } from '../model/issues.js';
import { codePoints, covered, DEFAULT_FONTS, facesOf, type FontSpec } from './fonts.js';
import type { BulletinView } from './view-bulletin.js';

/** The characters of `text` that no face of `specs` covers, in code point order. */
export async function uncoveredCharacters(text: string, specs: readonly FontSpec[] = DEFAULT_FONTS): Promise<string[]> {
  let left = codePoints(text);
  for (const spec of specs) {
    for (const face of (await facesOf(spec)).faces) {
      if (left.length === 0) return [];
      const has = new Set(covered(face, left));
      if (has.size > 0) left = left.filter((cp) => !has.has(cp));
    }
  }
  return left.map((cp) => String.fromCodePoint(cp));
}

/**
 * Every text the bulletin shows is a string of its view (figures, names, articles as HTML);
 * JSON adds only ASCII punctuation and escapes, which every font has.
 */
export const viewCharacters = (view: BulletinView, specs: readonly FontSpec[]): Promise<string[]> =>
  uncoveredCharacters(JSON.stringify(view), specs);

export function glyphWarning(missing: readonly string[]): ValidationIssue[] {
  if (missing.length === 0) return [];
  return [
    makeIssue(
      'warning',
      'render.glyph.missing',
      { file: 'templates', value: missing.join('') },
      `内置字体中没有这些字符，PDF 中可能显示为方框：${missing.join(' ')}`,
      '请改用常用汉字，或检查数据中是否混入了特殊符号。',
    ),
  ];
}
