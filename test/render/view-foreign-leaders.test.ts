import { describe, expect, it } from 'vitest';
import type { ForeignInput } from '../../src/model/bulletin.js';
import { computeForeign } from '../../src/aggregate/foreign-stats.js';
import { buildForeignView } from '../../src/render/view-foreign.js';
import { jurisdiction } from '../helpers/foreign-input.js';
import { reference } from '../helpers/reference.js';

const j = jurisdiction;

async function paragraph(input: ForeignInput): Promise<string> {
  return buildForeignView(computeForeign(input, await reference()), { year: 2022, quarter: 3 }).paragraph;
}

const TIED = [j('美国', 10, 1000, 5, 100), j('欧盟', 10, 1000, 5, 100), j('日本', 10, 5, 1, 1)];

describe('buildForeignView: tied leaders', () => {
  it('names every jurisdiction tied for the most recalls, each with its own printed share', async () => {
    const p = await paragraph({ jurisdictions: TIED, categories: [] });
    expect(p).toContain(
      '在国家地区分类中，美国、欧盟和日本召回次数最多，均为10次，分别占召回总次数的33.34%、33.33%和33.33%。',
    );
    expect(p).not.toContain('美国召回次数最多');
  });

  it('names both categories tied for the largest quantity, in the table order', async () => {
    const p = await paragraph({
      jurisdictions: TIED,
      categories: [
        { code: '02', recalls: 5, quantity: 500 },
        { code: '01', recalls: 5, quantity: 500 },
      ],
    });
    expect(p).toContain('在召回产品类别中，电子电器召回5次，占比50.00%；儿童用品召回5次，占比50.00%。');
    expect(p).toContain('电子电器和儿童用品召回数量最多，均涉及产品500件，各占已公开召回总数量的50.00%。');
  });

  it('names every category tied at the third place rather than cutting the tie by code', async () => {
    const p = await paragraph({
      jurisdictions: TIED,
      categories: [
        { code: '01', recalls: 4, quantity: null },
        { code: '02', recalls: 3, quantity: null },
        { code: '03', recalls: 1, quantity: null },
        { code: '04', recalls: 1, quantity: null },
        { code: '05', recalls: 0, quantity: null },
      ],
    });
    const ref = await reference();
    const name = (code: string) => ref.categories.find((c) => c.code === code)?.name ?? code;
    expect(p).toContain(`${name('03')}召回1次，占比11.11%；${name('04')}召回1次，占比11.11%。`);
    expect(p).not.toContain(`${name('05')}召回0次`);
  });

  it('keeps the one-leader wording of the seed', async () => {
    const p = await paragraph({
      jurisdictions: [j('美国', 192, 18713400, 100, 6642000), j('欧盟', 1083, null, 725, null)],
      categories: [
        { code: '02', recalls: 3, quantity: 30 },
        { code: '01', recalls: 1, quantity: 70 },
      ],
    });
    expect(p).toContain('在国家地区分类中，欧盟召回次数最多，占比84.94%。');
    expect(p).toContain('电子电器召回数量最多，涉及产品70件，占已公开召回总数量70.00%。');
  });
});

describe('buildForeignView: no share of nothing', () => {
  it('all-zero jurisdictions: no leader, no 0.00% anywhere', async () => {
    const p = await paragraph({ jurisdictions: [j('美国', 0, 0, 0, 0), j('欧盟', 0, 0, 0, 0)], categories: [] });
    expect(p).not.toContain('%');
    expect(p).not.toContain('最多');
    expect(p).toContain('其中，美国召回中国生产产品0次，涉及产品0件；欧盟召回中国生产产品0次，涉及产品0件。');
  });

  it('0 of 0件 China quantity is left out; 0 of 10次 is a true 0.00%', async () => {
    const p = await paragraph({ jurisdictions: [j('美国', 10, 0, 0, 0)], categories: [] });
    expect(p).toContain('美国召回中国生产产品0次，涉及产品0件，占美国召回产品总次数的0.00%。');
    expect(p).not.toContain('总数量的');
  });

  it('a category table of 0 recalls says so instead of printing 占比0.00%', async () => {
    const p = await paragraph({
      jurisdictions: [j('美国', 10, 1000, 5, 100)],
      categories: [
        { code: '01', recalls: 0, quantity: 0 },
        { code: '02', recalls: 0, quantity: 0 },
      ],
    });
    expect(p).toContain('在召回产品类别中，各类别召回均为0次。');
    expect(p).not.toContain('占比0.00%');
    expect(p).not.toContain('召回数量最多');
  });
});
