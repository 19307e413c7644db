/**
 * Tokens a line must not break inside, in printed text: e-mail addresses,
 * phone numbers, dates and date ranges, 《》 titles and numbers with their
 * unit (257500只, 61.54%, 8255.87万件). Each is wrapped in a nowrap span;
 * markup, <style> and <svg> are left as they are, and so are headings:
 * Chromium names the bookmark of a heading pushed to the next page with
 * each text piece doubled (四、四、20222022年…), which the outline repair
 * cannot undo (headline-words.ts keeps their words whole). Pure.
 */
const UNITS = '万件|万|件（套）|件|次|只|本|个|套|家|批次|条|台|辆|例|人|元|期|页|%|％';
export const TOKEN = new RegExp(
  [
    '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}',
    '\\d{3,4}-\\d{7,8}(?:-\\d{1,4})?',
    '\\d{4}\\.\\d{1,2}(?:\\.\\d{1,2})?-\\d{4}\\.\\d{1,2}(?:\\.\\d{1,2})?',
    '\\d{4}年\\d{1,2}月(?:\\d{1,2}日)?',
    '《[^《》<]{1,24}》',
    `\\d[\\d,.]*\\d(?:${UNITS})?`,
    `\\d(?:${UNITS})`,
  ].join('|'),
  'g',
);

const SKIP =
  /(<svg[\s\S]*?<\/svg>|<h[1-6]\b[\s\S]*?<\/h[1-6]>|<style[\s\S]*?<\/style>|<title>[\s\S]*?<\/title>|<[^>]*>)/;

export function keepTokensWhole(html: string): string {
  return html
    .split(SKIP)
    .map((chunk, i) => (i % 2 === 1 ? chunk : chunk.replace(TOKEN, (t) => `<span class="nw">${t}</span>`)))
    .join('');
}
