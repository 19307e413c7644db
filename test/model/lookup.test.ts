import { beforeAll, describe, expect, it } from 'vitest';
import { editDistance, matchCategory, matchDefectType, matchRegion } from '../../src/model/lookup.js';
import type { Province, ReferenceData } from '../../src/model/reference.js';
import { hunan } from '../helpers/reference.js';

let ref: ReferenceData;
let home: Province;
beforeAll(async () => ({ ref, home } = await hunan()));

describe('matchCategory', () => {
  it.each(['08', '8', '文教体育用品', '08 文教体育用品', '08文教体育用品', '０８－文教体育用品', ' 文教体育 '])(
    'reads %s as 08',
    (text) => {
      const m = matchCategory(ref, text);
      expect(m.ok && m.value.code).toBe('08');
    },
  );

  it('suggests the nearest category for a typo', () => {
    const m = matchCategory(ref, '文教体育用具');
    expect(m.ok).toBe(false);
    if (!m.ok) expect(m.nearest[0]?.name).toBe('文教体育用品');
  });

  it.each([
    ['玩具', 'category'],
    ['家电', 'category'],
    ['汽车', 'category'],
    ['火灾', 'defect'],
  ])('suggests nothing for %s: one character off in a short word is another meaning', (text, kind) => {
    const m = kind === 'category' ? matchCategory(ref, text) : matchDefectType(ref, text);
    expect(m).toMatchObject({ ok: false, nearest: [] });
  });

  it('reports a code that disagrees with its name', () => {
    const m = matchCategory(ref, '01 文教体育用品');
    expect(m).toMatchObject({ ok: false, reason: 'conflict' });
  });

  it('rejects a code outside 01-10', () => {
    expect(matchCategory(ref, '11').ok).toBe(false);
  });
});

describe('matchRegion', () => {
  it.each([
    ['长沙', '430100'],
    ['长沙市', '430100'],
    ['430100', '430100'],
    ['湖南省长沙市', '430100'],
    ['湘西州', '433100'],
    ['湘西自治州', '433100'],
    ['湘西土家族苗族自治州', '433100'],
    ['430102', '430100'],
    ['邵阳市', '430500'],
  ])('reads %s as %s', (text, code) => {
    const m = matchRegion(ref, home, text);
    expect(m.ok && m.value.code).toBe(code);
  });

  it('says which province a place outside the home province belongs to', () => {
    const m = matchRegion(ref, home, '广州市');
    expect(m).toMatchObject({ ok: false, reason: 'other-province' });
    if (!m.ok && m.reason === 'other-province') expect(m.province.name).toBe('广东省');
  });

  it('does not drop another province’s prefix: 湖北省长沙市 is no place in Hunan, and no suggestion of 长沙', () => {
    for (const text of ['湖北省长沙市', '湖北长沙']) {
      const m = matchRegion(ref, home, text);
      expect(m).toMatchObject({ ok: false, reason: 'other-province', nearest: [] });
      if (!m.ok && m.reason === 'other-province') expect(m.province.name).toBe('湖北省');
    }
    expect(matchRegion(ref, home, '湖南省长沙市')).toMatchObject({ ok: true, value: { code: '430100' } });
  });

  it('suggests the nearest prefecture for an unknown name', () => {
    const m = matchRegion(ref, home, '长沙县城');
    expect(m.ok).toBe(false);
    if (!m.ok) expect(m.nearest[0]?.short).toBe('长沙');
  });
});

describe('matchDefectType', () => {
  it.each([
    ['机械物理', 'mechanical'],
    ['机械物理类', 'mechanical'],
    ['电气安全类缺陷', 'electrical'],
    ['化学', 'chemical'],
    ['燃烧', 'combustion'],
    ['标识', 'labelling'],
    ['其他', 'other'],
  ])('reads %s', (text, code) => {
    const m = matchDefectType(ref, text);
    expect(m.ok && m.value.code).toBe(code);
  });

  it('rejects an unknown type', () => {
    expect(matchDefectType(ref, '外观').ok).toBe(false);
  });
});

describe('editDistance', () => {
  it('counts single-character edits', () => {
    expect(editDistance('长沙', '长沙市')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});

describe('matchRegion: county-level cities, former names, and only close suggestions', () => {
  it.each([
    ['浏阳市', '长沙', 'county'],
    ['浏阳', '长沙', 'county'],
    ['醴陵市', '株洲', 'county'],
    ['湖南省吉首市', '湘西自治州', 'county'],
    ['大庸市', '张家界', 'former'],
    ['零陵地区', '永州', 'former'],
  ])('%s lies in %s (%s)', (text, short, kind) => {
    const m = matchRegion(ref, home, text);
    expect(m.ok && m.value.short).toBe(short);
    expect(m.ok && m.via?.kind).toBe(kind);
  });

  it.each([
    ['湘谭', ['湘潭']],
    ['长沙县城', ['长沙']],
    ['大庸县', []],
    ['北京路', []],
    ['某某市', []],
  ])('%s suggests %j', (text, expected) => {
    const m = matchRegion(ref, home, text);
    expect(m.ok).toBe(false);
    if (!m.ok) expect(m.nearest.map((p) => p.short)).toEqual(expected);
  });

  it('every alias in the data names a prefecture of its province', async () => {
    for (const [code, a] of Object.entries(ref.regionAliases ?? {})) {
      const province = ref.provinces.find((p) => p.code === code);
      expect(province).toBeDefined();
      for (const target of [...Object.values(a.countyCities), ...Object.values(a.formerNames)])
        expect(province!.prefectures.map((p) => p.code)).toContain(target);
    }
  });
});
