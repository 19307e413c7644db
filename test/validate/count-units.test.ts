import { describe, expect, it } from 'vitest';
import { countWords, isCountUnit, unitProblem } from '../../src/validate/count-units.js';

describe('units that count products one by one', () => {
  it.each(['件', '个', '台', '只', '辆', '套', '双', '对', '本', '把', '支', '张', '副', '组'])('%s is one', (u) => {
    expect(isCountUnit(u)).toBe(true);
  });

  // A product's own unit, not a case of several: an aerosol 瓶, a pail 桶, a roll of tape 卷, a door 扇,
  // a window 樘, a pot 口, a button cell 粒; traditional forms; pcs. and EA as exports write them.
  it.each(['瓶', '罐', '桶', '卷', '扇', '樘', '口', '粒', '臺', '輛', '隻', '頂', 'pcs.', 'EA', 'units'])(
    '%s is one too',
    (u) => {
      expect(isCountUnit(u)).toBe(true);
    },
  );

  it.each(['件（套）', '件(套)', '台套', '个/只', ' 只 ', 'PCS', 'pcs', 'set'])(
    '%j is one: every word counts one',
    (u) => {
      expect(isCountUnit(u)).toBe(true);
    },
  );

  it.each([
    // weights, volumes, lengths
    ...['吨', '千克', '公斤', '克', '斤', '升', '毫升', '米', 'kg', '㎏'],
    // multipliers
    ...['打', '罗', '令', '万只', '千件'],
    // packages: how many products to one is unknown
    ...['箱', '盒', '包', '袋', '筐'],
    // neither, and words not on the list
    ...['批', '款', '次', '起', '以上', '打件', '', '件¹'],
  ])('%j is not', (u) => {
    expect(isCountUnit(u)).toBe(false);
  });

  it('compares units word by word', () => {
    expect(countWords('件（套）')).toEqual(['件', '套']);
    expect(countWords('台')).toEqual(['台']);
  });
});

describe('why a unit cannot be counted as 件', () => {
  it('gives the conversion of a dozen and a gross', () => {
    expect(unitProblem('打', 1500)).toEqual({
      why: '是倍数单位（1打=12件），按写的数计入会少算',
      hint: '请换算成件数：1500打 = 18000件，召回数量填 18000，单位写“件”或不写。',
    });
    expect(unitProblem('罗', 10).hint).toContain('10罗 = 1440件');
  });

  it('gives none for a ream: whether a sheet is one product the table cannot say', () => {
    expect(unitProblem('令', 20).hint).not.toContain('10000');
    expect(unitProblem('令', 20).why).toContain('1令=500张');
  });

  it.each([
    ['吨', '重量、体积或长度'],
    ['毫升', '重量、体积或长度'],
    ['箱', '包装单位：一箱里有几件产品'],
    ['盒', '包装单位：一盒里有几件产品'],
    ['批', '批次'],
  ])('%s: %s', (u, why) => {
    expect(unitProblem(u, 3).why).toContain(why);
  });

  it('lists the accepted units for a word not on the list', () => {
    const p = unitProblem('坨', 3);
    expect(p.why).toBe('不是表示产品件数的单位');
    expect(p.hint).toContain('件、个、台、只、辆、套、双、对');
  });
});
