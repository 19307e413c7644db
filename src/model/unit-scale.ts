/**
 * Units that carry a multiplier: 万件, 千只, 十万台, 百万, ×10000. A figure
 * written under such a unit (in a header, a 单位 cell, after the number or
 * in an Excel number format) means a different number than the digits say,
 * and the bulletin refuses it rather than guess the scale. Shared by the
 * validation (headers, cells) and the XLSX readers (number formats).
 */

/** Plain units and words that hold a multiplier's character (千克 is a kilogram, not 1000 克; 十月 a month). */
const PLAIN_WORDS = /千克|千米|千瓦时?|千升|千伏安?|千帕|千卡|千焦|千赫|百帕|十字|十[一二]?月/gu;
const MULTIPLIER = /[十百千万萬亿億兆]/u;
/** 10000, ×10000, x1000, *10^4, 10k: written out as digits instead. */
const DIGIT_SCALE = /^(?:[x×*]\s*)?10+(?:\^\d+)?$|^[x×*]\s*\d|^\d*[kw]$/iu;

/**
 * True when `unit` (the text in a header's brackets, a 单位 cell, what follows the number) scales
 * the figure: it holds a multiplier (other than the k of 千克 and its kind) or is a power of ten. A leading 单位：/单位: is ignored.
 */
export function isScaledUnit(unit: string): boolean {
  const t = unit
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^(?:计量)?单位[:：]?/u, '');
  return MULTIPLIER.test(t.replace(PLAIN_WORDS, '')) || DIGIT_SCALE.test(t);
}
