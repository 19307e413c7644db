import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataWith, validate } from '../helpers/edited-data.js';

describe('a quarter with one of the two national tables', () => {
  it.each([
    ['national-categories', 'national-provinces', '全国各省汇总表', '全国分类汇总表'],
    ['national-provinces', 'national-categories', '全国分类汇总表', '全国各省汇总表'],
  ])('without %s says which is missing and that %s is only checked', async (gone, kept, keptTitle, goneTitle) => {
    const cwd = dataWith({});
    rmSync(join(cwd, 'data', '2022Q3', `${gone}.csv`));
    const r = await validate(cwd);
    const missing = r.findings.filter((f) => f.code === 'input.section.missing' && f.message.includes('全国召回情况'));
    expect(missing.map((f) => f.message)).toEqual([
      `有${keptTitle}（${kept}），但没有${goneTitle}（${gone}）：全国召回情况要两张表一起才能印出，公报中将不包含这一部分（包括“位居全国第N”），${kept} 只做了检查。`,
    ]);
  });
});
