import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { draftDecision, draftMayPass, type DraftMode } from '../../src/model/draft.js';
import type { ValidationIssue } from '../../src/model/issues.js';
import { isPlaceholder, placeholder, placeholderLines } from '../../src/model/placeholder.js';

const finding = (code: string, severity: 'error' | 'warning' = 'error'): ValidationIssue => ({
  severity,
  code,
  file: 'x',
  sheet: null,
  row: null,
  column: null,
  header: null,
  value: null,
  message: '',
  hint: '',
});

const CODES = [
  'content.placeholder',
  'value.required.missing',
  'table.unfilled',
  'structure.rows.none',
  'reconcile.national.totals',
  'contradiction.national.period',
  'meta.invalid',
  'article.front-matter',
  'input.file.unreadable',
  'input.xlsx.corrupt',
  'input.kind.unknown',
  'structure.header.missing',
  'structure.column.missing',
  'render.something.new',
];

describe('what a draft may pass', () => {
  it('passes unfinished or wrong content, never a file that cannot be read or recognised', () => {
    const passes = CODES.filter((c) => draftMayPass(finding(c)));
    expect(passes).toEqual([
      'content.placeholder',
      'value.required.missing',
      'table.unfilled',
      'structure.rows.none',
      'reconcile.national.totals',
      'contradiction.national.period',
      'meta.invalid',
      'article.front-matter',
    ]);
  });

  it('for any findings: without --draft errors always stop; a draft is made only when every error may pass', () => {
    const issues = fc.array(
      fc.record({
        code: fc.constantFrom(...CODES),
        severity: fc.constantFrom<'error' | 'warning'>('error', 'warning'),
      }),
    );
    const mode = fc.constantFrom<DraftMode>('never', 'always', 'when-unfinished');
    fc.assert(
      fc.property(issues, mode, (list, m) => {
        const all = list.map((i) => finding(i.code, i.severity));
        const errors = all.filter((i) => i.severity === 'error');
        const d = draftDecision(all, m);
        expect(d.errors).toEqual(errors);
        if (errors.length === 0) expect(d.build).toBe(true);
        else if (m === 'never') expect(d.build).toBe(false);
        else expect(d.build).toBe(errors.every((e) => !/^(input|structure\.(header|column)|render)\./.test(e.code)));
        // A draft is stamped whenever asked for, and in preview whenever something is unfinished.
        expect(d.draft).toBe(m === 'always' || (m === 'when-unfinished' && errors.length > 0));
      }),
    );
  });
});

describe('the stand-in marker', () => {
  it('is what init writes, and also the example row of earlier versions', () => {
    expect(placeholder('标题')).toBe('【待填写】标题');
    expect(isPlaceholder('【待填写】标题')).toBe(true);
    expect(isPlaceholder('（示例）长沙某某电器有限公司')).toBe(true);
    expect(isPlaceholder('长沙某某电器有限公司（示例产品）')).toBe(false);
    expect(isPlaceholder('请填写标题')).toBe(false);
  });

  it('is found on its line, whatever the line endings', () => {
    expect(placeholderLines('---\r\ntitle: 【待填写】标题\r\n---\n\n正文\n【待填写】正文')).toEqual([
      { line: 2, text: 'title: 【待填写】标题' },
      { line: 6, text: '【待填写】正文' },
    ]);
  });
});
