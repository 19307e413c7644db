/**
 * Several quarters in one run share one browser (buildMany): when one of them
 * fails, that browser is still closed once, its run folder removed, and no
 * quarter's earlier outputs are touched. Chromium is faked; no sleeps.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BulletinError } from '../../src/model/errors.js';
import { parseQuarter } from '../../src/model/quarter.js';
import { buildMany } from '../../src/pipeline/build.js';
import { tempDir } from '../helpers/cli.js';
import { fakeChromiumBuild, fakeLauncher, type FakeScript } from '../helpers/fake-chromium.js';

const QUARTERS = ['2022Q1', '2022Q2', '2022Q3'];

function earlierOutputs(): { out: string; unchanged: () => void } {
  const out = tempDir('build-many-');
  for (const q of QUARTERS) {
    mkdirSync(join(out, q));
    writeFileSync(join(out, q, 'bulletin.pdf'), `old ${q}`);
  }
  return {
    out,
    unchanged: () => {
      expect(readdirSync(out).sort()).toEqual(QUARTERS);
      for (const q of QUARTERS) {
        expect(readdirSync(join(out, q))).toEqual(['bulletin.pdf']);
        expect(readFileSync(join(out, q, 'bulletin.pdf'), 'utf8')).toBe(`old ${q}`);
      }
    },
  };
}

async function manyOnFakeChromium(script: FakeScript, timeoutMs?: number) {
  const { out, unchanged } = earlierOutputs();
  const { launcher, record } = fakeLauncher(script);
  const e = await buildMany(QUARTERS.map(parseQuarter), {
    ...fakeChromiumBuild(launcher, out),
    timeoutMs,
    buildTimeoutMs: 600_000,
  }).then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(BulletinError);
  expect(record.requests, 'one browser for every quarter').toHaveLength(1);
  expect(existsSync(record.requests[0]!.runDir), 'the run folder is removed').toBe(false);
  unchanged();
  return { e: e as BulletinError, record };
}

describe('buildMany closes its shared browser when a quarter fails', () => {
  it('a print error in the quarters printed together: the browser asked to quit once, not killed', async () => {
    const printing = new Error('Protocol error (Page.printToPDF): Printing failed');
    const { e, record } = await manyOnFakeChromium({ pdf: [printing, printing, printing] });
    expect(e.code).toBe('browser.print');
    expect(record.calls.filter((c) => c === 'close')).toEqual(['close']);
    expect(record.calls.at(-1)).toBe('close');
    expect(record.killed).toBe(0);
  });

  it('a print that never comes back: the shared browser is killed once and nothing is left running', async () => {
    const { e, record } = await manyOnFakeChromium({ pdf: ['hang', 'hang', 'hang'] }, 40);
    expect(e.code).toBe('browser.timeout');
    expect(record.killed).toBe(1);
  });
});
