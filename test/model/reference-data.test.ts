import { describe, expect, it } from 'vitest';
import { findJurisdiction } from '../../src/model/jurisdiction-names.js';
import { findProvince } from '../../src/model/reference.js';
import { fold } from '../../src/model/text.js';
import { reference } from '../helpers/reference.js';

describe('bundled reference data', () => {
  it('has the 10 categories in code order', async () => {
    const ref = await reference();
    expect(ref.categories.map((c) => `${c.code} ${c.name}`)).toEqual([
      '01 电子电器',
      '02 儿童用品',
      '03 家具',
      '04 家用日用品',
      '05 其他交通运输设备',
      '06 日用纺织品和服装',
      '07 食品相关产品',
      '08 文教体育用品',
      '09 五金建材',
      '10 其他产品',
    ]);
  });

  it("has 31 provinces and Hunan's 14 prefectures in code order", async () => {
    const ref = await reference();
    expect(ref.provinces).toHaveLength(31);
    const hn = findProvince(ref, '430000');
    expect(hn?.prefectures.map((p) => p.code)).toEqual([
      '430100',
      '430200',
      '430300',
      '430400',
      '430500',
      '430600',
      '430700',
      '430800',
      '430900',
      '431000',
      '431100',
      '431200',
      '431300',
      '433100',
    ]);
    expect(hn?.prefectures.at(-1)?.short).toBe('湘西自治州');
    expect(findProvince(ref, '广东省')?.prefectures).toHaveLength(21);
  });

  it('has unique 6-digit codes', async () => {
    const ref = await reference();
    const codes = ref.provinces.flatMap((p) => [p.code, ...p.prefectures.map((x) => x.code)]);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((c) => /^\d{6}$/.test(c))).toBe(true);
  });

  it('names each foreign jurisdiction once: no alias is another’s name or alias, after folding', async () => {
    const ref = await reference();
    const names = (ref.jurisdictions ?? []).flatMap((j) => [j.name, ...j.aliases].map(fold));
    expect(names.length).toBeGreaterThan(10);
    expect(new Set(names).size).toBe(names.length);
    expect(findJurisdiction(ref, 'United States')?.name).toBe('美国');
    expect(findJurisdiction(ref, '歐洲聯盟')?.name).toBe('欧盟');
    expect(findJurisdiction(ref, '墨西哥')).toBeUndefined();
  });
});
