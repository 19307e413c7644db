/**
 * One document being printed, on one page kept open: a later version with
 * the same <head> (styles, fonts) only replaces the body, so the fonts are
 * not parsed again for every layout pass. Each pass is one named step
 * (“第 2 遍排版”), so a browser that stalls is reported with the pass.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserSession } from './browser-session.js';
import type { ChromiumPage } from './chromium.js';
import type { ColumnRead } from './column-measure.js';

export interface PrintJob {
  /**
   * `printing` is called once Chromium has the document loaded (or its body swapped): Node then
   * waits for the print, and can work meanwhile. Called earlier, while Chromium loads the fonts
   * and lays the page out, that work slowed the load more than it saved (measured in turns).
   */
  print(html: string, printing?: () => void): Promise<Uint8Array>;
  /** Where a print of `html` would put things, read without printing (column-measure.ts); null: not measurable. */
  measure(html: string, markerPrefix: string): Promise<ColumnRead | null>;
  close(): Promise<void>;
}

let jobs = 0;

export async function openJob(session: BrowserSession, page: ChromiumPage): Promise<PrintJob> {
  // The document is loaded from a private file rather than sent through the
  // DevTools protocol: 3 MB of inlined fonts cost Node 200 ms of copying and
  // Chromium 100 ms more that way. Only that file and data: URLs load.
  const dir = join(session.runDir, `print-${++jobs}`);
  await mkdir(dir);
  const file = join(dir, 'page.html');
  const fileUrl = pathToFileURL(file).href;
  let head: string | null = null;
  let shown: string | null = null; // the document on the page
  let passes = 0;
  const close = async () => {
    // A browser that was ended (stalled, crashed, stopped) has no page left to close, and its run folder,
    // this job's with it, is removed by the printer's close: a build that closes its browser as soon as
    // the PDF is printed does not wait here for the file to be deleted (50-100 ms while Chromium quits).
    if (!session.usable) return;
    try {
      await session.step('关闭页面', () => page.close());
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
  try {
    await session.step('准备页面', () => page.lockDown(fileUrl));
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
  /** Hands `html` to the page (a load, or a body swap when its head is the page's), then runs `then` on it. */
  const onPage = async <T>(html: string, name: string, then: () => Promise<T>, printing?: () => void): Promise<T> => {
    session.assertUsable();
    const at = html.search(/<body[\s>]/i);
    try {
      // The document a measure left as it found it is printed as it is.
      if (html === shown) {
        printing?.();
        return await session.step(name, then);
      }
      shown = null;
      if (at > 0 && html.slice(0, at) === head) {
        await session.step(name, () => page.replaceBody(html.slice(at).replace(/<\/html>\s*$/i, '')));
      } else {
        await writeFile(file, html);
        head = null;
        await session.step(name, () => page.load(fileUrl));
      }
      [head, shown] = [at > 0 ? html.slice(0, at) : null, html];
      printing?.();
      return await session.step(name, then);
    } catch (e) {
      [head, shown] = [null, null];
      throw e;
    }
  };
  return {
    print: (html, printing) => onPage(html, `第 ${++passes} 遍排版`, () => page.pdf(), printing),
    async measure(html, prefix) {
      // A pass only if it measured: a page that cannot be measured is printed under the same number.
      const read = await onPage(html, `第 ${passes + 1} 遍排版（测量）`, () => page.measure(prefix));
      if (read) passes++;
      return read;
    },
    close,
  };
}

/** A promise whose rejection is handled later, where it is awaited. */
const reportedWhereAwaited = (): void => undefined;

/**
 * A job opened while `prepare` runs (opening waits for Chromium's launch;
 * preparing the first pass does not), with what it prepared. If preparing
 * fails, that failure is the one reported, and a page that opened is closed.
 */
export async function openWhile<T>(open: () => Promise<PrintJob>, prepare: () => Promise<T>): Promise<[PrintJob, T]> {
  const opening = open();
  opening.catch(reportedWhereAwaited);
  let prepared: T;
  try {
    prepared = await prepare();
  } catch (e) {
    // A page that opened is closed; whether it opened or closed, the failure reported is preparing's.
    await Promise.allSettled([opening.then((job) => job.close())]);
    throw e;
  }
  return [await opening, prepared];
}
