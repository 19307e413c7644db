/**
 * Layouts measured by earlier builds, so rebuilding an unchanged document
 * prints once instead of measuring again. The key is the exact HTML of the
 * first measuring pass and the browser that prints it: any change to data,
 * templates, fonts, configuration or Chromium is a different key. A hit is
 * still checked by the print it guides (print-bulletin), and the cache is
 * best effort: a file that cannot be read or written is ignored.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PageLayout } from '../render/print-bulletin.js';

export interface LayoutCache {
  key(browser: string, firstHtml: string): string;
  get(key: string): Promise<PageLayout | null>;
  put(key: string, layout: PageLayout): Promise<void>;
}

const VERSION = 1;

const isLayout = (v: unknown): v is PageLayout => {
  if (typeof v !== 'object' || v === null) return false;
  const { pages, splits } = v as Record<string, unknown>;
  const ints = (xs: unknown[]) => xs.every((x) => Number.isInteger(x) && (x as number) >= 0);
  return (
    typeof pages === 'object' &&
    pages !== null &&
    ints(Object.values(pages)) &&
    typeof splits === 'object' &&
    splits !== null &&
    Object.values(splits).every((s) => Array.isArray(s) && ints(s))
  );
};

/** A cache in `dir`; `null` turns it off (every build measures). */
export function layoutCache(dir: string | null): LayoutCache {
  const file = (key: string) => join(dir ?? '', `${key}.json`);
  return {
    key: (browser, firstHtml) =>
      createHash('sha256').update(`bulletin-layout ${VERSION}\n${browser}\n`).update(firstHtml).digest('hex'),
    async get(key) {
      if (!dir) return null;
      try {
        const v: unknown = JSON.parse(await readFile(file(key), 'utf8'));
        return isLayout(v) ? v : null;
      } catch {
        return null;
      }
    },
    async put(key, layout) {
      if (!dir) return;
      const tmp = `${file(key)}.${process.pid}.tmp`;
      try {
        await mkdir(dir, { recursive: true });
        await writeFile(tmp, `${JSON.stringify(layout)}\n`);
        await rename(tmp, file(key));
      } catch {
        // A read-only or full disk only costs the next build a measuring pass.
      }
    },
  };
}
