import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileError, fileWarning, issueLocation, makeIssue, type IssueAt } from '../../src/model/issues.js';
import { previewPage } from '../../src/preview/preview-page.js';

const FIELDS = ['severity', 'code', 'file', 'sheet', 'row', 'column', 'header', 'value', 'message', 'hint'];

describe('makeIssue: the one builder of findings', () => {
  it('fills every place not given with null, in the documented field order (the --json and CSV order)', () => {
    const i = makeIssue('error', 'value.x', { file: 'a.csv', row: 3 }, '错', '改');
    expect(Object.keys(i)).toEqual(FIELDS);
    expect(i).toEqual({
      severity: 'error',
      code: 'value.x',
      file: 'a.csv',
      sheet: null,
      row: 3,
      column: null,
      header: null,
      value: null,
      message: '错',
      hint: '改',
    });
  });

  it('keeps every place it is given, for any combination', () => {
    const at = fc.record(
      {
        file: fc.string({ minLength: 1 }),
        sheet: fc.option(fc.string({ minLength: 1 })),
        row: fc.option(fc.integer({ min: 1, max: 1_048_576 })),
        column: fc.option(fc.constantFrom('A', 'H', 'AA')),
        header: fc.option(fc.string({ minLength: 1 })),
        value: fc.option(fc.string()),
      },
      { requiredKeys: ['file'] },
    );
    fc.assert(
      fc.property(at, (place: IssueAt) => {
        const i = makeIssue('warning', 'c', place, 'm', 'h');
        for (const k of ['sheet', 'row', 'column', 'header', 'value'] as const) expect(i[k]).toBe(place[k] ?? null);
        expect(i.file).toBe(place.file);
      }),
    );
  });

  it('fileWarning and fileError are whole-file findings', () => {
    expect(fileWarning('d', 'c', 'm', 'h')).toEqual(makeIssue('warning', 'c', { file: 'd' }, 'm', 'h'));
    expect(fileError('d', 'c', 'm', 'h')).toEqual(makeIssue('error', 'c', { file: 'd' }, 'm', 'h'));
  });
});

describe('issueLocation: the one place formatter', () => {
  const at = (place: IssueAt) => makeIssue('error', 'c', place, 'm', 'h');

  it.each([
    [
      { file: 'data/2022Q3/recalls.csv', row: 2, column: 'H', header: '市州' },
      'data/2022Q3/recalls.csv 第 2 行 H 列（市州）',
    ],
    [{ file: 'r.xlsx', sheet: '召回记录', row: 17, column: 'C' }, 'r.xlsx 工作表“召回记录” 第 17 行 C 列'],
    [{ file: 'issue.json', header: 'publicationDate' }, 'issue.json 字段“publicationDate”'],
    [{ file: 'data/2022Q3/articles/01-快讯.md', header: 'date' }, 'data/2022Q3/articles/01-快讯.md 字段“date”'],
    [{ file: 'national.csv', header: '本年召回数量' }, 'national.csv “本年召回数量”列'],
    [{ file: 'data/2022Q3' }, 'data/2022Q3'],
  ] as Array<[IssueAt, string]>)('%o → %s', (place, text) => {
    expect(issueLocation(at(place))).toBe(text);
  });

  it('without the file (the validate report groups findings under it), from the sheet on', () => {
    expect(
      issueLocation(at({ file: 'r.xlsx', sheet: '汇总', row: 17, column: 'C', header: '共享' }), { file: false }),
    ).toBe('工作表“汇总” 第 17 行 C 列（共享）');
    expect(issueLocation(at({ file: 'r.xlsx' }), { file: false })).toBe('');
  });

  it('the preview page shows the same location, escaped', () => {
    const i = at({ file: 'a<b>.xlsx', sheet: '表', row: 4, column: 'B', header: '型号' });
    expect(previewPage({ title: 't', version: 1, issues: [i], ok: false, draft: false })).toContain(
      '错误 a&lt;b&gt;.xlsx 工作表“表” 第 4 行 B 列（型号）：m<br><span class="hint">→ h</span>',
    );
  });
});
