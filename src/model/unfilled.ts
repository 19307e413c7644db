/**
 * The parts of a bulletin whose table has nothing usable yet: a stub from
 * `bulletin init` not filled in, a table emptied, or one whose every row was
 * rejected. Each of these is an error, so only a draft is ever made of them;
 * where the final issue has sentences worded from the table's figures, the
 * draft says in one stand-in sentence that the table is still to be filled
 * in, rather than word sentences out of figures that are not there
 * (零个国家地区, 具体情况为：。, 全国有0个省(市)局).
 */
import { placeholder } from './placeholder.js';

/** The tables a part of the bulletin is worded from (national-recalls stands for both national ones). */
export type UnfilledTable =
  'recalls' | 'national-categories' | 'national-provinces' | 'foreign' | 'foreign-categories' | 'clues';

/** Each table with nothing usable yet, with the title its findings call it by (全国各省汇总表). */
export type UnfilledTables = Partial<Record<UnfilledTable, string>>;

/**
 * What a draft prints instead of the sentences of an unfilled table: marked
 * as every stand-in is, so it reads as unfinished and never as a figure.
 */
export const unfilledSentence = (title: string): string =>
  placeholder(`${title}还没有可用的数据，这段文字在填好后生成。`);
