/**
 * A draft prints whatever content is there, so it must survive any state a
 * quarter folder can be in while it is being filled in: any cell blanked or
 * wrong, any table emptied or removed, any article unfinished. Built in
 * process, HTML only (the figures, sentences and tables; printing is the
 * same for drafts and final issues).
 */
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { draftMayPass } from '../../src/model/draft.js';
import { parseQuarter } from '../../src/model/quarter.js';
import { buildBulletin } from '../../src/pipeline/build.js';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { ROOT, tempDir } from '../helpers/cli.js';

const TABLES = ['recalls', 'national-categories', 'national-provinces', 'foreign', 'foreign-categories', 'clues'];
const BAD = ['', '', '', '-3', '约', '未公开', '【待填写】', '0'];

type Edit =
  | { kind: 'cell'; table: number; row: number; col: number; value: number }
  | { kind: 'empty'; table: number }
  | { kind: 'remove'; table: number }
  | { kind: 'article'; article: number; how: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('cell' as const),
      table: fc.nat(5),
      row: fc.nat(40),
      col: fc.nat(13),
      value: fc.nat(BAD.length - 1),
    }),
  },
  fc.record({ kind: fc.constant('empty' as const), table: fc.nat(5) }),
  fc.record({ kind: fc.constant('remove' as const), table: fc.nat(5) }),
  fc.record({ kind: fc.constant('article' as const), article: fc.nat(5), how: fc.nat(2) }),
);

function apply(dir: string, e: Edit): void {
  const csv = (i: number) => join(dir, `${TABLES[i]}.csv`);
  const lines = (i: number) => readFileSync(csv(i), 'utf8').split(/\r?\n/);
  try {
    if (e.kind === 'cell') {
      const rows = lines(e.table);
      const at = 1 + (e.row % Math.max(1, rows.length - 2));
      const cells = rows[at]?.split(',') ?? [];
      if (cells.length === 0 || /"/.test(rows[at] ?? '')) return;
      cells[e.col % cells.length] = BAD[e.value] as string;
      rows[at] = cells.join(',');
      writeFileSync(csv(e.table), rows.join('\n'));
    } else if (e.kind === 'empty') writeFileSync(csv(e.table), `${lines(e.table)[0]}\n`);
    else if (e.kind === 'remove' && e.table > 0) rmSync(csv(e.table));
    else if (e.kind === 'article') {
      const name = readdirSync(join(dir, 'articles')).filter((n) => n.endsWith('.md'))[e.article];
      if (!name) return;
      const p = join(dir, 'articles', name);
      const text = readFileSync(p, 'utf8');
      const edited = [
        text.replace(/^title: .*$/m, 'title: 【待填写】标题'),
        text.replace(/^---\n/, ''),
        text.replace(/\]\(images\/[^)]*\)/, '](images/missing.png)'),
      ][e.how] as string;
      writeFileSync(p, edited);
    }
  } catch {
    // An edit on a table an earlier edit removed: nothing to do.
    return;
  }
}

describe('build --draft never crashes', () => {
  it('builds a stamped draft, or refuses only for findings a draft may not pass, whatever was left unfinished', async () => {
    const opts = { formats: ['html'] as const, config: DEFAULT_CONFIG, cwd: ROOT, draft: 'always' as const };
    let drafts = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 6 }), async (edits) => {
        const data = tempDir();
        const dir = join(data, '2022Q3');
        cpSync(join(ROOT, 'data', '2022Q3'), dir, { recursive: true });
        rmSync(join(dir, 'recalls.xlsx'));
        cpSync(join(ROOT, 'fixtures', 'sample-records', 'recalls-utf8.csv'), join(dir, 'recalls.csv'));
        edits.forEach((e) => apply(dir, e));
        const out = tempDir();
        const r = await buildBulletin({ ...opts, quarter: parseQuarter('2022Q3'), dataDir: data, outDir: out });
        if (r.ok) {
          drafts++;
          expect(r.draft).toBe(true);
          expect(readFileSync(join(out, '2022Q3', 'bulletin-draft.html'), 'utf8')).toContain('draft-stamp');
        } else {
          expect(r.issues.some((i) => i.severity === 'error' && !draftMayPass(i))).toBe(true);
        }
        rmSync(data, { recursive: true, force: true });
        rmSync(out, { recursive: true, force: true });
      }),
      { numRuns: 25 },
    );
    // Not vacuous: most edits leave content a draft may pass (measured: all 25 of a run built).
    expect(drafts).toBeGreaterThan(0);
  }, 300_000);
});
