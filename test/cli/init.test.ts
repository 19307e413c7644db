import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { bulletin, ROOT, tempDir } from '../helpers/cli.js';

type Validations = Record<string, { type: string; formulae: string[] }>;

async function sheet(path: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.worksheets[0]!;
}

async function fill(path: string, rows: unknown[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.worksheets[0]!;
  rows.forEach((r, i) => {
    const row = ws.getRow(i + 2);
    r.forEach((v, j) => {
      if (v !== undefined) row.getCell(j + 1).value = v as ExcelJS.CellValue;
    });
    row.commit();
  });
  await wb.xlsx.writeFile(path);
}

describe('bulletin init', () => {
  it('ends by naming the folder to validate and the quarter to build', async () => {
    const dir = tempDir();
    const r = await bulletin(['init', '2022Q4'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      '填好后运行 bulletin validate data/2022Q4 检查，再运行 bulletin build --quarter 2022Q4 生成公报。',
    );
    expect((await bulletin(['init'], { cwd: dir })).code).toBe(2);
  });

  it('creates workbooks with Chinese headers, a frozen header, drop-downs and formats, issue.json with the next number, and article stubs', async () => {
    const data = tempDir();
    const r = await bulletin(['init', '2022Q4', '--data', data]);
    expect(r.code).toBe(0);
    const ws = await sheet(join(data, '2022Q4', 'recalls.xlsx'));
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      '序号',
      '发布日期',
      '生产者',
      '品牌',
      '产品名称',
      '型号',
      '产品类别',
      '市州',
      '缺陷类型',
      '召回数量（件）',
      '单位',
      '生产日期',
      '缺陷描述',
      '典型案例',
    ]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const dv = (ws as unknown as { dataValidations: { model: Validations } }).dataValidations.model;
    const lists = Object.values(dv).map((v) => v.formulae[0]);
    expect(lists).toContain(
      '"01 电子电器,02 儿童用品,03 家具,04 家用日用品,05 其他交通运输设备,06 日用纺织品和服装,07 食品相关产品,08 文教体育用品,09 五金建材,10 其他产品"',
    );
    expect(lists).toContain('"长沙,株洲,湘潭,衡阳,邵阳,岳阳,常德,张家界,益阳,郴州,永州,怀化,娄底,湘西自治州"');
    expect(lists).toContain('"机械物理,电气安全,化学,燃烧,标识,其他"');
    expect(ws.getColumn(2).numFmt).toBe('yyyy-mm-dd');
    expect(ws.getColumn(10).numFmt).toBe('0');
    // Nothing before it to follow on from: the numbers are the editor's to confirm (issue-numbering.ts guessedFrom).
    expect(JSON.parse(readFileSync(join(data, '2022Q4', 'issue.json'), 'utf8'))).toMatchObject({
      number: '【待填写】期号（本年第几期），推算为 1，请核对',
      totalNumber: '【待填写】总期号，推算为 1，请核对',
    });
    expect(readFileSync(join(data, '2022Q4', 'articles', '03-article.md'), 'utf8')).toContain('section: 专题节目访谈');

    // What init knows is filled in: every provincial-level division by GB/T 2260 code, figures left empty.
    const provinces = await sheet(join(data, '2022Q4', 'national-provinces.xlsx'));
    const rows = Array.from({ length: 32 }, (_, i) => (provinces.getRow(i + 2).values as unknown[]).slice(1));
    const codes = JSON.parse(readFileSync(join(ROOT, 'data', 'reference', 'divisions.json'), 'utf8')).provinces.map(
      (p: { code: string; name: string }) => p,
    );
    const expected = [...codes].sort((a, b) => a.code.localeCompare(b.code)).map((p) => [p.name]);
    expect(rows.slice(0, 31)).toEqual(expected);
    expect(expected).toHaveLength(31);
    expect(rows[0]).toEqual(['北京市']);
    expect(rows[30]).toEqual(['新疆维吾尔自治区']);
    expect(rows[31]).toEqual([]);
  });

  it('leaves the numbers to the editor when the quarter before has none to follow on from', async () => {
    const data = tempDir();
    mkdirSync(join(data, '2022Q2'));
    copyFileSync(join(ROOT, 'data', '2022Q2', 'issue.json'), join(data, '2022Q2', 'issue.json'));
    expect((await bulletin(['init', '2022Q4', '--data', data])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(data, '2022Q4', 'issue.json'), 'utf8'))).toMatchObject({
      number: '【待填写】期号（本年第几期），推算为 3，请核对',
      totalNumber: '【待填写】总期号，推算为 3，请核对',
    });
  });

  it('fills in the next issue number after the existing quarters', async () => {
    const data = tempDir();
    mkdirSync(join(data, '2022Q3'));
    copyFileSync(join(ROOT, 'data', '2022Q3', 'issue.json'), join(data, '2022Q3', 'issue.json'));
    expect((await bulletin(['init', '2022Q4', '--data', data])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(data, '2022Q4', 'issue.json'), 'utf8'))).toMatchObject({
      number: 4,
      totalNumber: 4,
    });
  });

  it('round trip: the files it writes, once filled in, pass bulletin validate; the example row left in does not', async () => {
    const data = tempDir();
    expect((await bulletin(['init', '2022Q4', '--data', data])).code).toBe(0);
    const dir = join(data, '2022Q4');
    const left = await bulletin(['validate', join(dir, 'recalls.xlsx'), '--quarter', '2022Q4', '--json']);
    expect(JSON.parse(left.stdout).findings.map((f: { code: string }) => f.code)).toEqual(['content.placeholder']);

    await fill(join(dir, 'recalls.xlsx'), [
      [
        1,
        new Date(Date.UTC(2022, 10, 3)),
        '长沙某电器有限公司',
        '某',
        '电暖器',
        'A1',
        '01 电子电器',
        '长沙',
        '电气安全',
        500,
        '台',
        '2022.01',
        '无接地措施',
        '是',
      ],
      [
        2,
        new Date(Date.UTC(2022, 11, 9)),
        '株洲某文具有限公司',
        '某',
        '直尺',
        'B2',
        '08 文教体育用品',
        '株洲',
        '机械物理',
        1200,
        '把',
        '2022.05',
        '边缘锐利',
        '否',
      ],
    ]);
    await fill(
      join(dir, 'national-categories.xlsx'),
      Array.from({ length: 10 }, (_, i) => [undefined, undefined, 10, 100, 5, 50, 2, 20 + i]),
    );
    const provinces = await sheet(join(dir, 'national-provinces.xlsx'));
    const names = Array.from({ length: 31 }, (_, i) => provinces.getRow(i + 2).getCell(1).value);
    // The editor says "no recalls" with a 0: an empty cell would be an error.
    await fill(
      join(dir, 'national-provinces.xlsx'),
      names.map((n) => (n === '湖南省' ? [undefined, 5, 1700, 2, 1700] : [undefined, 0, 0, 0, 0])),
    );
    await fill(join(dir, 'foreign.xlsx'), [
      [undefined, 10, 1000, 5, 500],
      [undefined, 20, '未公开', 8, '未公开'],
      [undefined, 3, 30, '', ''],
      [undefined, 4, '未公开', '', ''],
    ]);
    await fill(
      join(dir, 'foreign-categories.xlsx'),
      Array.from({ length: 10 }, () => [undefined, 3, 10]),
    );
    await fill(
      join(dir, 'clues.xlsx'),
      Array.from({ length: 15 }, () => [undefined, 1, 0, 0]),
    );
    for (const f of ['01', '02', '03']) {
      const p = join(dir, 'articles', `${f}-article.md`);
      writeFileSync(
        p,
        readFileSync(p, 'utf8')
          .replace('【待填写】标题', `第${f}篇`)
          .replace(/【待填写】正文.*/, '正文。'),
      );
    }
    const meta = join(dir, 'issue.json');
    writeFileSync(
      meta,
      readFileSync(meta, 'utf8')
        .replace(/"【待填写】期号[^"]*"/, '4')
        .replace(/"【待填写】总期号[^"]*"/, '4')
        .replace(/"【待填写】[^"]*"/, '"2023-01-16"'),
    );
    const r = await bulletin(['validate', dir, '--json']);
    const report = JSON.parse(r.stdout);
    expect(report.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
    expect(r.code).toBe(0);
    expect(report.files.find((f: { kind: string }) => f.kind === 'recalls').rows).toMatchObject({
      read: 2,
      accepted: 2,
    });
  });

  it('refuses to overwrite a folder that already has files', async () => {
    const r = await bulletin(['init', '2022Q3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('已经存在且不是空的，没有改动任何文件');
  });
});
