/**
 * A draft of tables with nothing usable yet (the stubs `bulletin init`
 * writes) says so in a stand-in sentence where the final issue words its
 * figures, and never prints a sentence made of nothing: 零个国家地区,
 * 具体情况为：。, 全国有0个省(市)局, 召回0次 from a table not filled in.
 */
import { copyFileSync, cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bulletin, ROOT, tempDir } from '../helpers/cli.js';

let stubs: string;
beforeAll(async () => {
  stubs = tempDir();
  expect((await bulletin(['init', '2022Q4', '--data', stubs], { cwd: stubs })).code).toBe(0);
});

/** The draft's web edition as lines of text: one per paragraph, heading or cell. */
async function draftLines(data: string, quarter: string): Promise<string[]> {
  const out = tempDir();
  const args = ['build', '--quarter', quarter, '--data', data, '--out', out, '--draft', '--format', 'html'];
  const r = await bulletin(args, { cwd: data });
  expect(r.code, r.stderr).toBe(0);
  const html = readFileSync(join(out, quarter, 'bulletin-draft.html'), 'utf8');
  return html
    .replace(/<(style|script|svg)\b[\s\S]*?<\/\1>/g, '')
    .replace(/<wbr>/g, '')
    .split(/<[^>]*>/)
    .map((t) => t.trim())
    .filter(Boolean);
}

/** The line after the heading that ends with `heading`. */
function after(lines: readonly string[], heading: string): string | undefined {
  return lines[lines.findIndex((l) => l.endsWith(heading)) + 1];
}

const stub = (title: string) => `【待填写】${title}还没有可用的数据，这段文字在填好后生成。`;

/** Sentences worded from figures that are not there. */
const GARBLED = [
  /：。/,
  /、。/,
  /，。/,
  /零个/,
  /全国有0个/,
  /召回0次/,
  /信息0条/,
  /0\.00%/,
  /没有开展消费品召回/,
  /均没有召回/,
];

describe('a draft of a fresh bulletin init quarter', () => {
  it('a stand-in sentence for each unfilled table, and no sentence made of nothing anywhere', async () => {
    const lines = await draftLines(stubs, '2022Q4');
    expect(after(lines, '湖南省局缺陷产品召回情况')).toBe(stub('召回记录'));
    for (const lead of ['1. 召回产品种类及总占比。', '2. 召回产品区域分布。', '3. 产品缺陷主要类别。'])
      expect(after(lines, lead)).toBe(stub('召回记录'));
    const national = lines.filter((l) => /^[123]、.*（数据截至12月31日）：/.test(l));
    expect(national).toEqual([
      `1、历年来（数据截至12月31日）：${stub('全国分类汇总表')}`,
      `2、2022年以来（数据截至12月31日）：${stub('全国分类汇总表')}`,
      `3、2022年第四季度（数据截至12月31日）：${stub('全国分类汇总表')}`,
      `1、2022年以来（数据截至12月31日）：${stub('全国各省汇总表')}`,
      `2、2022年第四季度（数据截至12月31日）：${stub('全国各省汇总表')}`,
    ]);
    expect(after(lines, '三、国外消费品召回统计情况')).toBe(stub('国外召回统计表'));
    expect(after(lines, '四、2022年第四季度全省共享缺陷信息线索情况')).toBe(stub('共享缺陷信息线索表'));
    for (const line of lines) for (const bad of GARBLED) expect(line, String(bad)).not.toMatch(bad);
  });
});

describe('one table unfilled in the finished 2022Q3 sample', () => {
  /** The sample's 2022Q3 with `table` replaced by its unfilled stub. */
  function sampleWith(table: string): string {
    const data = tempDir();
    cpSync(join(ROOT, 'data', '2022Q3'), join(data, '2022Q3'), { recursive: true });
    rmSync(join(data, '2022Q3', `${table}.csv`));
    copyFileSync(join(stubs, '2022Q4', `${table}.xlsx`), join(data, '2022Q3', `${table}.xlsx`));
    return data;
  }

  it('foreign-categories: the foreign paragraph keeps its figures and ends with the stand-in', async () => {
    const paragraph = after(await draftLines(sampleWith('foreign-categories'), '2022Q3'), '三、国外消费品召回统计情况');
    expect(paragraph).toMatch(/^2022年1月至9月，美国、欧盟、日本、澳大利亚四个国家地区共实施消费品召回1448次/);
    expect(paragraph?.endsWith(`在国家地区分类中，欧盟召回次数最多，占比74.79%。${stub('国外分类召回表')}`)).toBe(true);
  });

  it('national-provinces: its two leads are stand-ins, the category table’s leads keep their figures', async () => {
    const lines = await draftLines(sampleWith('national-provinces'), '2022Q3');
    const leads = lines.filter((l) => /^[123]、.*（数据截至9月30日）/.test(l));
    expect(leads).toHaveLength(5);
    expect(leads.slice(0, 3).every((l) => l.includes('全国消费品共计召回') && !l.includes('【待填写】'))).toBe(true);
    expect(leads.slice(3)).toEqual([
      `1、2022年以来（数据截至9月30日）：${stub('全国各省汇总表')}`,
      `2、2022年第三季度（数据截至9月30日）：${stub('全国各省汇总表')}`,
    ]);
  });
});
