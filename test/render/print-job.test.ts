import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPrinter } from '../../src/render/browser.js';
import { openWhile, type PrintJob } from '../../src/render/print-job.js';
import { tempDir } from '../helpers/cli.js';
import { FAKE_PDF, fakeLauncher } from '../helpers/fake-chromium.js';

/** A job that records being closed, opened when `opened` resolves. */
function fakeJob(log: string[]): PrintJob {
  return { print: async () => new Uint8Array(), measure: async () => null, close: async () => void log.push('closed') };
}

/** A promise and the functions that settle it, so a test decides the order of events. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ([resolve, reject] = [res, rej]));
  return { promise, resolve, reject };
}

describe('openWhile', () => {
  it('opens while preparing, and gives both', async () => {
    const log: string[] = [];
    const opening = deferred<PrintJob>();
    const job = fakeJob(log);
    const both = openWhile(
      () => (log.push('open'), opening.promise),
      async () => (log.push('prepare'), 'first pass'),
    );
    opening.resolve(job);
    expect(await both).toEqual([job, 'first pass']);
    // Opening was asked for before preparing started.
    expect(log).toEqual(['open', 'prepare']);
  });

  it('reports a failure to prepare, and closes the page that opened meanwhile', async () => {
    const log: string[] = [];
    const opening = deferred<PrintJob>();
    const both = openWhile(
      () => opening.promise,
      async () => {
        opening.resolve(fakeJob(log));
        throw new Error('template broke');
      },
    );
    await expect(both).rejects.toThrow('template broke');
    expect(log).toEqual(['closed']);
  });

  it('reports the failure to prepare, not the page failing to close after it', async () => {
    const opening = deferred<PrintJob>();
    const broken: PrintJob = {
      print: async () => new Uint8Array(),
      measure: async () => null,
      close: () => Promise.reject(new Error('browser gone')),
    };
    const both = openWhile(
      () => opening.promise,
      async () => {
        opening.resolve(broken);
        throw new Error('template broke');
      },
    );
    await expect(both).rejects.toThrow('template broke');
  });

  it('reports a failure to open where it is awaited, also when it fails before preparing ends', async () => {
    const opening = deferred<PrintJob>();
    const prepared = deferred<string>();
    const both = openWhile(
      () => opening.promise,
      () => prepared.promise,
    );
    // Failing while preparing runs is no unhandled rejection (the test run would report one).
    opening.reject(new Error('no browser'));
    await new Promise((r) => setImmediate(r));
    prepared.resolve('first pass');
    await expect(both).rejects.toThrow('no browser');
  });

  it('a failure to prepare wins over a failure to open', async () => {
    const opening = deferred<PrintJob>();
    opening.reject(new Error('no browser'));
    await expect(
      openWhile(
        () => opening.promise,
        async () => {
          throw new Error('template broke');
        },
      ),
    ).rejects.toThrow('template broke');
  });
});

describe('PrintJob.print', () => {
  it('calls `printing` once the document has been handed to Chromium (loaded, or its body swapped), before the PDF is asked for', async () => {
    const { launcher, record } = fakeLauncher({});
    const p = createPrinter({ launcher, tempRoot: tempDir('print-job-'), executablePath: process.execPath });
    try {
      const job = await p.open();
      let seen: string[] = [];
      const pdf = await job.print('<html><head></head><body>x</body></html>', () => (seen = [...record.calls]));
      expect(pdf).toBe(FAKE_PDF);
      expect(seen.at(-1)).toBe('load');
      expect(record.calls.at(-1)).toBe('pdf');
      await job.print('<html><head></head><body>y</body></html>', () => (seen = [...record.calls]));
      expect(seen.at(-1)).toBe('replaceBody');
      expect(record.calls.at(-1)).toBe('pdf');
      await job.close();
    } finally {
      await p.close();
    }
  });

  it('once the browser is closing, leaves the job’s folder to the printer’s close, which leaves nothing', async () => {
    const root = tempDir('print-job-');
    const { launcher } = fakeLauncher({});
    const p = createPrinter({ launcher, tempRoot: root, executablePath: process.execPath });
    const job = await p.open();
    await job.print('<html><head></head><body>x</body></html>');
    const [run] = readdirSync(root);
    const jobDirs = readdirSync(join(root, run!)).filter((f) => f.startsWith('print-'));
    expect(jobDirs).toHaveLength(1);
    const closing = p.close(); // as a build does once its PDF is printed
    await job.close();
    // Not waited for: the job's close returned with its folder still there...
    expect(existsSync(join(root, run!, jobDirs[0]!))).toBe(true);
    await closing;
    // ...and the printer's close removed the run folder, the job's with it.
    expect(readdirSync(root)).toEqual([]);
  });
});
