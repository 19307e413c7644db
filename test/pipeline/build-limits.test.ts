import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BulletinError } from '../../src/model/errors.js';
import { buildBulletin } from '../../src/pipeline/build.js';
import { loadConfig } from '../../src/config/config.js';
import type { Printer } from '../../src/render/browser.js';
import { ROOT, sampleProject, tempDir } from '../helpers/cli.js';

/** A printer whose first page never comes (a browser that stopped answering, unbounded). */
function stuckPrinter() {
  const state = { opened: 0, closed: 0 };
  let opened: () => void = () => undefined;
  const whenOpened = new Promise<void>((resolve) => (opened = resolve));
  const printer: Printer = {
    warmUp: () => undefined,
    identity: () => new Promise(() => undefined),
    open: () => {
      state.opened++;
      opened();
      return new Promise(() => undefined);
    },
    close: async () => (state.closed++, []),
  };
  return { printer, state, whenOpened };
}

/** An output folder holding an earlier build, to check that it is left as it was. */
function earlierOutputs(): { out: string; unchanged: () => void } {
  const out = tempDir();
  mkdirSync(join(out, '2022Q3'));
  writeFileSync(join(out, '2022Q3', 'bulletin.pdf'), 'old pdf');
  writeFileSync(join(out, '2022Q3', 'stats.json'), 'old stats');
  return {
    out,
    unchanged: () => {
      expect(readdirSync(join(out, '2022Q3')).sort()).toEqual(['bulletin.pdf', 'stats.json']);
      expect(readFileSync(join(out, '2022Q3', 'bulletin.pdf'), 'utf8')).toBe('old pdf');
    },
  };
}

const options = async (out: string) => ({
  quarter: { year: 2022, quarter: 3 } as const,
  dataDir: join(ROOT, 'data'),
  outDir: out,
  formats: ['pdf' as const],
  config: await loadConfig(undefined, sampleProject()),
  cwd: sampleProject(),
  cacheDir: null,
});

describe('the whole build is bounded', () => {
  it('a build that cannot finish stops at its limit (an exit-4 error); outputs untouched', async () => {
    const { printer, state } = stuckPrinter();
    const { out, unchanged } = earlierOutputs();
    const e = await buildBulletin({ ...(await options(out)), printer, buildTimeoutMs: 50 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BulletinError);
    expect((e as BulletinError).code).toBe('build.timeout');
    expect((e as BulletinError).kind).toBe('browser');
    expect((e as BulletinError).message).toBe('生成公报用了 50 毫秒仍未完成，已停止（浏览器已关闭）。');
    unchanged();
    expect(state.closed).toBe(0); // a shared printer is closed by its owner (buildMany), not here
  });

  it('a stop (SIGTERM) while printing ends the build at once with the signal’s reason; outputs untouched', async () => {
    const { printer, state, whenOpened } = stuckPrinter();
    const { out, unchanged } = earlierOutputs();
    const stop = new AbortController();
    const building = buildBulletin({ ...(await options(out)), printer, signal: stop.signal, buildTimeoutMs: 600_000 });
    await whenOpened;
    stop.abort('SIGTERM');
    await expect(building).rejects.toBe('SIGTERM');
    expect(state.opened).toBe(1);
    unchanged();
  });
});
