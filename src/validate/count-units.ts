/**
 * The units a recall's quantity may be written in (after the number, or in
 * the 单位 column). The bulletin adds quantities up as 件, products recalled,
 * so a unit must count products one by one: 3吨, 1500打 (a dozen each) or
 * 3箱 (how many to a case?) counted as 3, 1500 and 3 件 would be wrong
 * figures. An allow-list: a word not on it is refused and the list is shown.
 */
import { fold } from '../model/text.js';

/**
 * Measure words that count products one by one. 双 and 对 are kept: a pair of shoes or earrings
 * is sold and recalled as one product, and a recall of 500双 is 500 products; 套 and 组 likewise
 * (a set sold as one, 23800套 直尺套装). Written together or with a bracket or slash (件（套）,
 * 台套, 个/只), each word still counts one product. 瓶, 罐, 桶 and 卷 are a product's own unit
 * (an aerosol, a fire extinguisher, a pail of paint, a roll of tape), not a case of several; 扇 and
 * 樘 count doors and windows, 口 pots, 粒 button cells and beads; 頂臺輛隻個 are the traditional forms.
 */
const COUNT_WORDS = '件个台只辆套双对本册把支张条块副顶部架具盏组床面座艘片颗枚根扇樘口粒瓶罐桶卷頂臺輛隻個';
const COUNT_LATIN = new Set(['pcs', 'pc', 'pcs.', 'pc.', 'piece', 'pieces', 'set', 'sets', 'ea', 'unit', 'units']);

/** Words for so many products at once: refused, with what one of them is (令, a ream, is 500 sheets). */
const MULTIPLES: Record<string, { each: number; of: string }> = {
  打: { each: 12, of: '件' },
  罗: { each: 144, of: '件' },
  令: { each: 500, of: '张' },
};
const MEASURES =
  /^(吨|千克|公斤|克|毫克|斤|两|磅|盎司|升|公升|毫升|立方米|立方|方|米|厘米|毫米|千米|公里|平方米|平米|码|尺|英尺|kg|g|mg|t|l|ml|m|cm|mm|km|lb|lbs|oz)$/u;
const PACKAGES = /^(箱|盒|包|袋|听|筐|捆|扎|托|柜|车|板|提|件箱|纸箱|整箱)$/u;
const BATCHES = /^(批|批次|款|种|类|次|型|个批次)$/u;

/** True when `unit` (a 单位 cell, the words after a number) counts products one by one. */
export function isCountUnit(unit: string): boolean {
  const t = fold(unit);
  if (COUNT_LATIN.has(t)) return true;
  const words = t.replace(/[()/、]/g, '');
  return words !== '' && [...words].every((w) => COUNT_WORDS.includes(w));
}

/** The count words of a unit, to compare two units: 件（套） → 件, 套. */
export function countWords(unit: string): string[] {
  const t = fold(unit);
  return COUNT_LATIN.has(t) ? [t] : [...t.replace(/[()/、]/g, '')];
}

/** Accepted words, for a message. */
export const COUNT_UNITS_SHOWN = [...COUNT_WORDS].join('、');

/**
 * Why a unit that is not a count of products cannot be counted as one (after 单位“吨”…), and what
 * to write instead; `n` is the number written with it, for a conversion that can be given.
 */
export function unitProblem(unit: string, n: number | null): { why: string; hint: string } {
  const t = fold(unit);
  const ask = '不知道件数的，请向企业核实';
  const multiple = MULTIPLES[t];
  if (multiple) {
    const total = n === null ? null : n * multiple.each;
    // 1500打 is 18000件 for certain; 20令 is 10000张, and whether a 张 is one product the table cannot say.
    const sure = multiple.of === '件' && total !== null && Number.isSafeInteger(total);
    return {
      why: `是倍数单位（1${unit}=${multiple.each}${multiple.of}），按写的数计入会少算`,
      hint: sure
        ? `请换算成件数：${n}${unit} = ${total}件，召回数量填 ${total}，单位写“件”或不写。`
        : `请换算成召回产品的件数再填写（1${unit}=${multiple.each}${multiple.of}）；${ask}。`,
    };
  }
  if (MEASURES.test(t))
    return {
      why: '是重量、体积或长度单位，不是产品的件数',
      hint: `召回数量请填写召回产品的件数（如 1200 或 1200件），不要填重量、体积或长度；${ask}。`,
    };
  if (PACKAGES.test(t))
    return {
      why: `是包装单位：一${unit}里有几件产品，从表中看不出，无法按件计数`,
      hint: `请换算成召回产品的件数再填写（${unit}数 × 每${unit}件数，如 3${unit} × 每${unit} 24件 = 72）；不知道每${unit}件数的，请向企业核实。`,
    };
  const kind = BATCHES.test(t) ? '数的是批次、款式或次数，不是产品的件数' : '不是表示产品件数的单位';
  return {
    why: kind,
    hint: `召回数量请填写召回产品的件数，单位可用：${COUNT_UNITS_SHOWN}（也可以不写单位）；${ask}。`,
  };
}
