/**
 * The figures of the summary tables (national, foreign, clues) are read by the records' number
 * parser, and held to its rules: a footnote mark or special digit (5⁰⁰, ①) is refused, not folded
 * into a digit, a bound (100以上) is no figure, and a quantity (件) in a unit that does not count
 * products (3吨, 1500打) is no quantity either; a count of recalls may say 次.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReferenceData } from '../../src/model/reference.js';
import { readClues } from '../../src/validate/clues.js';
import { readForeign } from '../../src/validate/foreign.js';
import { readNationalProvinces } from '../../src/validate/national-summary.js';
import { reference } from '../helpers/reference.js';
import { rawTable } from '../helpers/tables.js';

let ref: ReferenceData;
beforeAll(async () => {
  ref = await reference();
});

const findings = (issues: { code: string; column: string | null; message: string }[]) =>
  issues.map((i) => [i.code, i.column, i.message]);

describe('summary figures with a footnote mark or special digit', () => {
  it('national provinces: refused, saying which character', () => {
    const r = readNationalProvinces(
      rawTable(
        [
          ['省份', '本年召回次数', '本年召回数量', '本季度召回次数', '本季度召回数量'],
          ['湖南省', '3⁴', '570443¹', 8, '１２３'],
        ],
        'national-provinces.csv',
        null,
      ),
      ref,
    );
    expect(findings(r.issues)).toEqual([
      ['value.number.invalid', 'B', '本年召回次数“3⁴”中的“⁴”是上标或特殊数字，不是普通数字。'],
      ['value.number.invalid', 'C', '本年召回数量“570443¹”中的“¹”是上标或特殊数字，不是普通数字。'],
    ]);
    expect(r.issues[0]!.hint).toContain('请去掉脚注标记');
  });

  it('foreign and clue tables alike', () => {
    const foreign = readForeign(
      rawTable(
        [
          ['国家地区', '召回次数', '召回数量'],
          ['日本', '①', '５⁰⁰'],
        ],
        'foreign.csv',
        null,
      ),
      ref,
    );
    expect(findings(foreign.issues).map(([code, col]) => [code, col])).toEqual([
      ['value.number.invalid', 'B'],
      ['value.number.invalid', 'C'],
    ]);
    const clues = readClues(
      rawTable(
        [
          ['共享缺陷线索信息用户', '共享缺陷线索报告信息', '形成有效缺陷产品召回信息', '共享检验检测信息'],
          ['省局', '20²', 5, '100以上'],
        ],
        'clues.csv',
        null,
      ),
    );
    expect(findings(clues.issues)).toEqual([
      ['value.number.invalid', 'B', '共享缺陷线索报告信息“20²”中的“²”是上标或特殊数字，不是普通数字。'],
      [
        'value.number.invalid',
        'D',
        '共享检验检测信息“100以上”写的是一个范围（“以上”），不是准确的数量，公报只印准确的数字。',
      ],
    ]);
  });

  it('a quantity in a unit that does not count products is refused; 件 and 次 are fine', () => {
    const r = readNationalProvinces(
      rawTable(
        [
          ['省份', '本年召回次数', '本年召回数量', '本季度召回次数', '本季度召回数量'],
          ['湖南省', '34次', '570443件', 8, '3吨'],
          ['广东省', 44, '1500打', 2, '5箱'],
        ],
        'national-provinces.csv',
        null,
      ),
      ref,
    );
    expect(findings(r.issues)).toEqual([
      ['value.number.invalid', 'E', '本季度召回数量“3吨”的单位“吨”是重量、体积或长度单位，不是产品的件数。'],
      ['value.number.invalid', 'C', '本年召回数量“1500打”的单位“打”是倍数单位（1打=12件），按写的数计入会少算。'],
      [
        'value.number.invalid',
        'E',
        '本季度召回数量“5箱”的单位“箱”是包装单位：一箱里有几件产品，从表中看不出，无法按件计数。',
      ],
    ]);
  });
});
