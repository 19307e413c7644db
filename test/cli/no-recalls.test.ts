import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildData, quarterWith, validateData } from '../helpers/edited-quarter.js';

const headerOnly = (text: string) => `${text.split('\n')[0]}\n`;

/** 2022Q1 with its records table emptied; issue.json with `noRecalls`; Hunan's national row dropped unless kept. */
function emptyQuarter(noRecalls: boolean | null, keepHunan = false): string {
  const data = quarterWith('recalls.csv', headerOnly, '2022Q1');
  const dir = join(data, '2022Q1');
  const meta = JSON.parse(readFileSync(join(dir, 'issue.json'), 'utf8')) as Record<string, unknown>;
  if (noRecalls !== null) meta.noRecalls = noRecalls;
  writeFileSync(join(dir, 'issue.json'), JSON.stringify(meta));
  if (!keepHunan) {
    const provinces = join(dir, 'national-provinces.csv');
    const rows = readFileSync(provinces, 'utf8').split('\n');
    let k = 0;
    const kept = rows
      .filter((r) => !r.includes('湖南省'))
      .map((r, i) => (i === 0 || r === '' ? r : r.replace(/^\d+/, String(++k))));
    writeFileSync(provinces, kept.join('\n'));
  }
  return data;
}

describe('a quarter without recalls', () => {
  it('is refused while issue.json does not say so, the hint naming "noRecalls": true', async () => {
    const r = await validateData(emptyQuarter(null), '2022Q1');
    const none = r.findings.find((f) => f.code === 'structure.rows.none');
    expect(r.code).toBe(1);
    expect(none).toMatchObject({ severity: 'error', file: expect.stringContaining('recalls.csv') });
    expect((none as unknown as { hint: string }).hint).toContain('"noRecalls": true');
  });

  it('builds when issue.json says so: every table with zeros, the opening sentence says no recall, no rank', async () => {
    const data = emptyQuarter(true);
    expect((await validateData(data, '2022Q1')).findings.filter((f) => f.severity === 'error')).toEqual([]);
    const b = await buildData(data, ['--format', 'html'], '2022Q1');
    expect(b.code).toBe(0);
    const html = readFileSync(join(b.out, '2022Q1', 'bulletin.html'), 'utf8');
    expect(html).toContain('2022年第一季度（截至3月31日），湖南省省局没有开展缺陷产品召回。');
    expect(html).not.toContain('位居全国');
    expect(html).toContain('本季度没有开展消费品召回。');
    const stats = JSON.parse(readFileSync(join(b.out, '2022Q1', 'stats.json'), 'utf8')) as {
      totals: { recalls: number; quantity: number };
      byCategory: Array<{ recalls: number; recallShare: number | null }>;
      byRegion: unknown[];
    };
    expect(stats.totals).toMatchObject({ recalls: 0, quantity: 0 });
    expect(stats.byCategory).toHaveLength(10);
    expect(stats.byCategory.every((c) => c.recalls === 0 && c.recallShare === null)).toBe(true);
    expect(stats.byRegion).toHaveLength(14);
  });

  it('is a contradiction when the national province table gives the province recalls this quarter', async () => {
    const r = await validateData(emptyQuarter(true, true), '2022Q1');
    const found = r.findings.filter((f) => f.code === 'contradiction.no-recalls');
    expect(r.code).toBe(1);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', file: expect.stringContaining('national-provinces.csv') });
    expect(found[0]?.message).toContain('湖南省本季度有 10 次召回、57758 件');
    // Said once, not again as the records-against-national warning.
    expect(r.findings.map((f) => f.code)).not.toContain('reconcile.home.quarter');
  });

  it('is a contradiction when the records table has records', async () => {
    const data = quarterWith('issue.json', (t) => JSON.stringify({ ...JSON.parse(t), noRecalls: true }), '2022Q1');
    const r = await validateData(data, '2022Q1');
    const found = r.findings.filter((f) => f.code === 'contradiction.no-recalls');
    expect(found.map((f) => [f.severity, f.file.endsWith('issue.json')])).toContainEqual(['error', true]);
    expect(found.find((f) => f.file.endsWith('issue.json'))?.message).toContain('有 10 次召回、57758 件');
  });

  it('refuses a noRecalls that is not true or false, naming the key', async () => {
    const data = quarterWith('issue.json', (t) => JSON.stringify({ ...JSON.parse(t), noRecalls: '是' }), '2022Q1');
    const r = await validateData(data, '2022Q1');
    expect(r.findings.find((f) => f.code === 'meta.invalid')?.message).toContain('noRecalls');
  });
});
