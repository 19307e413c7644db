/**
 * Layouts measured by earlier builds, so rebuilding an unchanged document
 * prints once instead of measuring again. The key is the exact HTML of the
 * first measuring pass and the browser that prints it: any change to data,
 * templates, fonts, configuration or Chromium is a different key. A hit is
 * still checked by the print it guides (print-bulletin), and the cache is
 * best effort: a file that cannot be read or written is ignored.
 */
import { createHash } from 'node:crypto';
import type { PageLayout } from '../render/print-bulletin.js';
import { cacheFiles } from './cache-files.js';

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
  const files = dir ? cacheFiles(dir, '.json', false) : null;
  return {
    key: (browser, firstHtml) =>
      createHash('sha256').update(`bulletin-layout ${VERSION}\n${browser}\n`).update(firstHtml).digest('hex'),
    async get(key) {
      const stored = files && (await files.read(key));
      if (!stored) return null;
      try {
        const v: unknown = JSON.parse(stored.toString('utf8'));
        return isLayout(v) ? v : null;
      } catch {
        return null; // damaged: measured again, and the entry rewritten
      }
    },
    async put(key, layout) {
      await files?.write(key, Buffer.from(`${JSON.stringify(layout)}\n`));
    },
  };
}
