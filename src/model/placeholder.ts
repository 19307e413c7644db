/**
 * The stand-ins `bulletin init` writes (article titles and bodies, the
 * example row, the publication date) carry one marker, and validation looks
 * for that marker and nothing else: a stand-in is recognised because init
 * wrote it, never by guessing what unfinished text looks like.
 *
 * 【待填写】 ("to be filled in") is visible, says what to do in the user's own
 * language, and is not something a published bulletin or a recall export
 * contains. A private-use character would have been safer still against
 * accidental typing, but shows as an empty box in Excel and editors, so
 * staff could not see what to replace.
 */
export const PLACEHOLDER_MARK = '【待填写】';

/** What `bulletin init` before this marker wrote at the start of the example row's 生产者. */
const LEGACY_EXAMPLE_MARK = '（示例）';

/** A stand-in: `what` tells the editor what belongs there. */
export const placeholder = (what: string): string => `${PLACEHOLDER_MARK}${what}`;

export function isPlaceholder(text: string): boolean {
  return text.includes(PLACEHOLDER_MARK) || text.startsWith(LEGACY_EXAMPLE_MARK);
}

/** 1-based numbers of the lines of `text` that hold a stand-in, with the line's text. */
export function placeholderLines(text: string): Array<{ line: number; text: string }> {
  const out: Array<{ line: number; text: string }> = [];
  text.split(/\r\n?|\n/).forEach((t, i) => {
    if (isPlaceholder(t.trim())) out.push({ line: i + 1, text: t.trim() });
  });
  return out;
}
