/**
 * A build's own browser is closed as soon as the PDF is printed, while the
 * outputs are written, and still before the build returns; a printer the
 * caller lends (batch builds) is left to the caller.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import type { ProgressEvent } from '../../src/model/progress.js';
import { buildBulletin, type BuildOptions } from '../../src/pipeline/build.js';
import { ROOT, tempDir } from '../helpers/cli.js';
import { fakeLauncher } from '../helpers/fake-chromium.js';
import { fakePrinter, headingsOf, pdfWithBookmarks } from '../helpers/fake-printer.js';

/** Every heading on page 1: a layout that holds at once. */
const printOf = (html: string) =>
  pdfWithBookmarks(
    1,
    headingsOf(html).map((title) => ({ title, page: 1 })),
  );

function options(extra: Partial<BuildOptions>): BuildOptions {
  return {
    quarter: { year: 2022, quarter: 3 },
    dataDir: join(ROOT, 'data'),
    outDir: tempDir(),
    formats: ['pdf', 'html'],
    config: DEFAULT_CONFIG,
    cwd: tempDir(),
    cacheDir: null,
    ...extra,
  };
}

describe('the browser of a build', () => {
  it('is asked to quit once the last print is in hand, its page with it, before the outputs are written, and has quit when the build returns', async () => {
    const { launcher, record } = fakeLauncher({ printHtml: printOf });
    const atWrite: string[][] = [];
    const r = await buildBulletin(
      options({ launcher, browsers: [{ path: process.execPath, source: '--browser' }] }),
      (p: ProgressEvent) => void (p.phase === 'write' && atWrite.push([...record.calls])),
    );
    expect(r.ok).toBe(true);
    expect(r.outputs.map((f) => f.split('/').pop())).toEqual(
      expect.arrayContaining(['bulletin.pdf', 'bulletin.html', 'stats.json']),
    );
    expect(atWrite).toHaveLength(1);
    expect(atWrite[0], 'closed before writing').toContain('close');
    expect(record.calls.filter((c) => c === 'close')).toHaveLength(1);
    // Closed with the browser, not on its own first: one round trip less before the outputs.
    expect(record.calls).not.toContain('page.close');
    expect(record.killed).toBe(0);
  });

  it('lent by the caller, is not closed by the build', async () => {
    const { printer, state } = fakePrinter(async (_pass, html) => printOf(html));
    const r = await buildBulletin(options({ printer }));
    expect(r.ok).toBe(true);
    expect(state.closed).toBe(0);
    expect(state.jobsClosed).toBe(state.opened);
  });

  it('is not started for a quarter with no data (no folder, no records file), which is refused as before', async () => {
    const { launcher, record } = fakeLauncher({ printHtml: printOf });
    const empty = tempDir();
    mkdirSync(join(empty, '2022Q3'));
    writeFileSync(join(empty, '2022Q3', 'notes.txt'), 'x');
    const browsers = [{ path: process.execPath, source: '--browser' }];
    for (const [dataDir, code] of [
      [tempDir(), 'input.quarter-dir.missing'],
      [empty, 'input.records.missing'],
    ] as const)
      await expect(buildBulletin(options({ launcher, browsers, dataDir }))).rejects.toMatchObject({ code });
    expect(record.requests).toEqual([]);
    // A quarter with data starts it, as before.
    expect((await buildBulletin(options({ launcher, browsers }))).ok).toBe(true);
    expect(record.requests).toHaveLength(1);
  });
});
