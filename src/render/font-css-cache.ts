/**
 * The print's @font-face rules (fonts.ts fontFaceCss) taken from an earlier
 * build when made for the same characters from the same font packages:
 * reading and renaming the slices and encoding them (4 MB of CSS for the
 * sample) cost about 0.13 s before the first print. The key is the sorted
 * code points of the text, each face's family, weight, stylesheet and the
 * package.json of its package (its release); the caller's cache adds the
 * identity of the code that makes the rules (pipeline/font-css-cache.ts).
 */
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { codePoints, cssPathOf, DEFAULT_FONTS, fontFaceCss, readCached, type FontSpec } from './fonts.js';

export interface FontCssCache {
  get(key: string): Promise<string | null>;
  put(key: string, stored: string): Promise<void>;
}

type FontCss = Awaited<ReturnType<typeof fontFaceCss>>;

async function keyOf(specs: readonly FontSpec[], text: string): Promise<string> {
  const faces = await Promise.all(
    specs.map(async (s) => {
      const css = cssPathOf(s);
      return [s.family, s.weight, s.pkg, css, await readCached(join(dirname(css), 'package.json'), 'utf8')];
    }),
  );
  return createHash('sha256')
    .update(JSON.stringify([faces, codePoints(text)]))
    .digest('hex');
}

/** A stored entry: the missing characters' JSON, a newline, the CSS; null if it is not one. */
function parse(stored: string): FontCss | null {
  const nl = stored.indexOf('\n');
  try {
    const missing: unknown = JSON.parse(stored.slice(0, nl));
    const ok = nl > 0 && Array.isArray(missing) && missing.every((m) => typeof m === 'string');
    return ok ? { missing: missing as string[], css: stored.slice(nl + 1) } : null;
  } catch {
    return null; // not an entry this code wrote: made again, and rewritten
  }
}

/** fontFaceCss(text, specs), from `cache` when it has the rules for exactly these characters and fonts. */
export async function cachedFontFaceCss(
  text: string,
  specs: readonly FontSpec[] = DEFAULT_FONTS,
  cache: FontCssCache | null = null,
): Promise<FontCss> {
  if (!cache) return fontFaceCss(text, specs);
  const key = await keyOf(specs, text);
  const stored = await cache.get(key);
  const found = stored === null ? null : parse(stored);
  if (found) return found;
  const made = await fontFaceCss(text, specs);
  await cache.put(key, `${JSON.stringify(made.missing)}\n${made.css}`);
  return made;
}
