/**
 * Headlines break between words only. Chinese has no spaces, so the
 * browser may break a headline between any two characters (服务/中心);
 * here a word segmenter (Intl.Segmenter, ICU's dictionary) finds the
 * words, and <wbr> marks the only places a line may end, the stylesheet
 * setting `word-break: keep-all` and `text-wrap: balance`. Single
 * characters join a neighbour (punctuation the word before it, an opening
 * bracket the word after it), and the last piece has at least three
 * characters, so no line holds one or two characters alone. A few
 * suffix words (SUFFIXES) stay with the word before them. Pure.
 */
const OPENING = /^[“‘《（【〔(「『]$/u;
/**
 * One-character words that open a phrase (向曙光, 到省局, 对企业): they go with the word after
 * them, not before (局长向/曙光 would split a name). Other single characters are suffixes (局, 省).
 */
const LEADING = /^[向到在对与和及把被从为赴于]$/u;
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
/** Words that finish a compound with the word before (缺陷产品, 服务中心, 有限公司). */
const SUFFIXES = new Set(['产品', '中心', '公司', '有限公司', '管理局', '监管局', '委员会', '研究院', '情况', '工作']);

/** The unbreakable pieces of `text`, in order. */
export function headlinePieces(text: string): string[] {
  const pieces: string[] = [];
  let pendingOpen = '';
  for (const { segment } of segmenter.segment(text)) {
    const last = pieces.length - 1;
    if (OPENING.test(segment) || LEADING.test(segment)) pendingOpen += segment;
    else if (pendingOpen) {
      pieces.push(pendingOpen + segment);
      pendingOpen = '';
    } else if (
      last >= 0 &&
      ([...segment].length === 1 || [...(pieces[last] as string)].length === 1 || SUFFIXES.has(segment))
    )
      pieces[last] += segment;
    else pieces.push(segment);
  }
  if (pendingOpen) pieces.push(pendingOpen);
  return mergeShortTail(pieces);
}

function mergeShortTail(pieces: string[]): string[] {
  const out = [...pieces];
  while (out.length > 1 && [...(out.at(-1) as string)].length < 3) {
    const tail = out.pop() as string;
    out[out.length - 1] += tail;
  }
  return out;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  '#x27': "'",
  '#x3D': '=',
  '#x60': '`',
};
const unescape = (s: string): string =>
  s.replace(/&(amp|lt|gt|quot|#39|#x27|#x3D|#x60);/g, (_, e: string) => ENTITIES[e] as string);
const escape = (s: string): string =>
  s.replace(/[&<>"'`=]/g, (c) => `&${Object.keys(ENTITIES).find((k) => ENTITIES[k] === c)};`);

/** Marks word breaks with <wbr> in the text of every h1–h5 that holds text only. */
export function breakHeadlinesBetweenWords(html: string): string {
  // 本期要目 entries (<li><a href="#…">) wrap as headlines do: between words, none left alone.
  return html.replace(
    /(<h[1-5]\b[^>]*>|<li><a href="#[^"]*">)([^<]+)(<\/h[1-5]>|<\/a><\/li>)/g,
    (_, open: string, text: string, close: string) =>
      `${open}${headlinePieces(unescape(text)).map(escape).join('<wbr>')}${close}`,
  );
}

/** U+2060 WORD JOINER: no line break on either side, prints nothing. */
export const WORD_JOINER = '\u2060';

/**
 * The print edition's headlines: the characters of each word joined by
 * WORD JOINER, so a line may end only between words, while the heading
 * stays one text node. (Markup such as <wbr> or spans splits it into
 * several, and Chromium then names the bookmark of a heading pushed to the
 * next page with each piece doubled.) Bookmark titles drop the joiners.
 */
export function joinHeadlineWords(html: string): string {
  // 本期要目 entries are headlines too: a wrapped entry breaks between words (检查调研, not 检/查调研).
  return html.replace(
    /(<h[1-5]\b[^>]*>|<span class="toc-text">)([^<]+)(<\/h[1-5]>|<\/span>)/g,
    (_, open: string, text: string, close: string) =>
      `${open}${headlinePieces(unescape(text)).map(joinCharacters).map(escape).join('')}${close}`,
  );
}

/** A word's characters with a joiner between each two, none next to a space (a space may still break). */
const joinCharacters = (piece: string): string =>
  [...piece].reduce(
    (out, ch, i, all) => (i > 0 && !/\s/u.test(ch + (all[i - 1] as string)) ? out + WORD_JOINER + ch : out + ch),
    '',
  );
