/**
 * No paragraph of the print edition ends with one character alone on its
 * last line (nor does a table cell: 有限公/司). `text-wrap: pretty` in the
 * stylesheet only tries (Chromium applies it to the last lines of short
 * paragraphs, and gives up on long ones); here the last two characters
 * before </p> or </td> are joined by U+2060 WORD JOINER, so a line can
 * never break between them: the last line holds at least those two, with
 * any closing punctuation after them (a line never starts with 。，、）
 * anyway). The joiner prints nothing; pdf-joiners.ts takes its glyph out of
 * the PDF's text. Text ending in markup (a number kept whole, see
 * nowrap.ts) is left as it is: that token already holds several
 * characters. Pure.
 */
import { WORD_JOINER } from './headline-words.js';

/** Two letters or digits, then closing punctuation or entities only, then the end of a paragraph or cell. */
const LAST_TWO = /([\p{L}\p{N}])([\p{L}\p{N}])((?:[\p{Pe}\p{Pf}\p{Po}]|&#?[a-zA-Z0-9]+;)*<\/(?:p|td)>)/gu;

const SKIP = /(<svg[\s\S]*?<\/svg>|<style[\s\S]*?<\/style>)/;

export function joinLastTwoCharacters(html: string): string {
  return html
    .split(SKIP)
    .map((chunk, i) => (i % 2 === 1 ? chunk : chunk.replace(LAST_TWO, `$1${WORD_JOINER}$2$3`)))
    .join('');
}
