/**
 * A draft prints whatever content is there, so it must survive any state a
 * quarter folder can be in while it is being filled in: any cell blanked or
 * wrong, any table emptied or removed, any article unfinished. Built in
 * process, in two properties: the print edition through a fake Printer (the
 * figures, sentences and tables through the print templates, the layout
 * passes and the PDF's metadata, with no browser: Chromium prints drafts and
 * final issues alike), and, in fewer runs, the web edition (its own
 * templates and font subsets: about 1 s of CPU a build, against 0.3 s).
 */
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { draftMayPass } from '../../src/model/draft.js';
import { parseQuarter } from '../../src/model/quarter.js';
import { buildBulletin, type BuildOptions } from '../../src/pipeline/build.js';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { ROOT, sampleProject, tempDir } from '../helpers/cli.js';
import { fakePrinter, headingsOf, pdfWithBookmarks } from '../helpers/fake-printer.js';

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

/** Prints each heading on its own page (the layout settles in two passes) and keeps the last HTML printed. */
function recordingPrinter() {
  let printed = '';
  const { printer } = fakePrinter(async (_pass, html) => {
    printed = html;
    const headings = headingsOf(html);
    return pdfWithBookmarks(
      headings.length + 1,
      headings.map((title, k) => ({ title, page: k + 1 })),
    );
  });
  return { printer, printed: () => printed };
}

/** The quarter folder of the sample (its records as CSV) with the edits made, and an empty output folder. */
function editedQuarter(edits: readonly Edit[]): { data: string; out: string } {
  const data = tempDir();
  const dir = join(data, '2022Q3');
  cpSync(join(ROOT, 'data', '2022Q3'), dir, { recursive: true });
  rmSync(join(dir, 'recalls.xlsx'));
  cpSync(join(ROOT, 'fixtures', 'sample-records', 'recalls-utf8.csv'), join(dir, 'recalls.csv'));
  edits.forEach((e) => apply(dir, e));
  return { data, out: tempDir() };
}

/**
 * Builds the edited quarter as a draft: true when it built a draft (the caller checks its files),
 * false when it refused, which it may only do for a finding a draft may not pass.
 */
async function draftBuilt(edits: readonly Edit[], more: Partial<BuildOptions>): Promise<boolean> {
  const { data, out } = editedQuarter(edits);
  const r = await buildBulletin({
    formats: ['html'],
    config: DEFAULT_CONFIG,
    cwd: sampleProject(),
    draft: 'always',
    cacheDir: null,
    quarter: parseQuarter('2022Q3'),
    dataDir: data,
    outDir: out,
    ...more,
  });
  if (r.ok) {
    expect(r.draft).toBe(true);
    expect(readdirSync(join(out, '2022Q3')).sort()).toEqual(
      more.formats?.includes('pdf') ? ['bulletin-draft.pdf'] : ['bulletin-draft.html'],
    );
    if (!more.formats?.includes('pdf'))
      expect(readFileSync(join(out, '2022Q3', 'bulletin-draft.html'), 'utf8')).toContain('draft-stamp');
  } else {
    expect(r.issues.some((i) => i.severity === 'error' && !draftMayPass(i))).toBe(true);
  }
  rmSync(data, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  return r.ok;
}

const edits = fc.array(edit, { minLength: 1, maxLength: 6 });

describe('build --draft never crashes', () => {
  it('prints a stamped draft, or refuses only for findings a draft may not pass, whatever was left unfinished', async () => {
    let drafts = 0;
    await fc.assert(
      fc.asyncProperty(edits, async (e) => {
        const { printer, printed } = recordingPrinter();
        if (await draftBuilt(e, { formats: ['pdf'], printer })) {
          drafts++;
          expect(printed()).toContain('draft-stamp');
          // Nor a sentence made of nothing (an empty list, 零个国家地区): a table with nothing usable is a stand-in.
          const text = printed()
            .replace(/<(style|script|svg)\b[\s\S]*?<\/\1>/g, '')
            .replace(/<[^>]*>/g, '');
          expect(text).not.toMatch(/：。|、。|，。|零个/);
        }
      }),
      { numRuns: 25 },
    );
    // Not vacuous: most edits leave content a draft may pass (measured: all 25 of a run built).
    expect(drafts).toBeGreaterThan(0);
  }, 300_000);

  it('makes a stamped web edition of the draft, or refuses only for findings a draft may not pass', async () => {
    let drafts = 0;
    await fc.assert(
      fc.asyncProperty(edits, async (e) => {
        if (await draftBuilt(e, { formats: ['html'] })) drafts++;
      }),
      { numRuns: 3 },
    );
    expect(drafts).toBeGreaterThan(0);
  }, 300_000);
});
