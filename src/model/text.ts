/**
 * Text normalisation shared by header and value matching. Staff type
 * full-width letters, stray spaces and units in brackets; NFKC folds
 * full-width forms (（）：１２) to half-width before we compare.
 */
export function fold(s: string): string {
  // The usual cell (printable ASCII and CJK ideographs, no spaces) has nothing to fold but case,
  // and only A-Z have a lower case there. toLowerCase of a Chinese string costs about 0.3 µs even
  // when it changes nothing (a third of a second per million manufacturers): asked only when needed.
  if (!/[^\x21-\x7e\u4e00-\u9fff]/.test(s)) return /[A-Z]/.test(s) ? s.toLowerCase() : s;
  // NFKC is the costly step; plain ASCII and CJK ideographs are already in normal form.
  const n = /[^\x00-\x7f\u4e00-\u9fff]/.test(s) ? s.normalize('NFKC') : s;
  return n.replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, '').toLowerCase();
}

/** fold() and drop bracketed parts: "召回数量（件）" → "召回数量". */
export function foldHeader(s: string): string {
  return fold(s)
    .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】|〔[^〕]*〕/g, '')
    .replace(/[:*]+$/g, '');
}

/** Visible, single-line rendering of a cell value for messages. */
export function preview(value: string, max = 40): string {
  const oneLine = value.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}

/** "AB" for "ABAB": Chromium sometimes doubles a bookmark's title. */
export function collapseDoubled(s: string): string {
  const half = s.length / 2;
  return s.length > 0 && s.length % 2 === 0 && s.slice(0, half) === s.slice(half) ? s.slice(0, half) : s;
}
