/**
 * Chinese fonts travel with the document: only the @fontsource subsets whose
 * unicode-range covers characters the page uses are inlined as data: URLs.
 * The HTML is then self-contained and the PDF embeds subset CID fonts,
 * whatever fonts the machine has.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { renameWoff } from './font-names.js';
import { woffToSfnt } from './woff.js';

export interface FontSpec {
  family: string;
  /** npm package of the fontsource font. */
  pkg: string;
  weight: number;
}

/**
 * The faces the templates use, under the family names styles.css asks for;
 * other @fontsource packages can stand in for them (configuration `fonts`).
 */
export function fontSpecs(serif = '@fontsource/noto-serif-sc', sans = '@fontsource/noto-sans-sc'): FontSpec[] {
  return [
    { family: 'Noto Serif SC', pkg: serif, weight: 400 },
    { family: 'Noto Serif SC', pkg: serif, weight: 700 },
    { family: 'Noto Sans SC', pkg: sans, weight: 700 },
  ];
}

/** The web edition's faces: one sans family, regular and bold (see web-fonts.ts). */
export function webFontSpecs(sans = '@fontsource/noto-sans-sc'): FontSpec[] {
  return [
    { family: 'Noto Sans SC', pkg: sans, weight: 400 },
    { family: 'Noto Sans SC', pkg: sans, weight: 700 },
  ];
}

export const DEFAULT_FONTS: readonly FontSpec[] = fontSpecs();

/** One @fontsource slice: a woff2 file and the code points it covers. */
export interface Face {
  file: string;
  ranges: Array<[number, number]>;
}

const require = createRequire(import.meta.url);

/** Font files and stylesheets are read once per process (a batch build reuses them). */
const cache = new Map<string, Promise<string>>();
export const readCached = (path: string, encoding: 'utf8' | 'base64'): Promise<string> => {
  const key = `${encoding}:${path}`;
  if (!cache.has(key))
    cache.set(
      key,
      readFile(path).then((b) => b.toString(encoding)),
    );
  return cache.get(key) as Promise<string>;
};

/** A unicode-range's parts (U+4e00-4e02, U+4e0a); one regular expression over the list, 3x the speed of splitting it. */
function parseRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [, a, b] of text.matchAll(/U\+([0-9a-f]+)(?:-([0-9a-f]+))?/gi)) {
    const lo = parseInt(a as string, 16);
    out.push([lo, b ? parseInt(b, 16) : lo]);
  }
  return out;
}

/** Slices by stylesheet: parsing a CJK face's hundred ranges took 10 ms, five times a build. */
const parsedFaces = new Map<string, Promise<Face[]>>();

function facesIn(cssPath: string): Promise<Face[]> {
  if (!parsedFaces.has(cssPath))
    parsedFaces.set(
      cssPath,
      readCached(cssPath, 'utf8').then((css) => {
        const faces: Face[] = [];
        for (const block of css.split('@font-face').slice(1)) {
          const file = /url\(\.\/(files\/[^)]+\.woff2)\)/.exec(block)?.[1];
          const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
          if (file && range) faces.push({ file, ranges: parseRanges(range) });
        }
        return faces;
      }),
    );
  return parsedFaces.get(cssPath) as Promise<Face[]>;
}

/** The spec's @fontsource stylesheet; a package without this weight falls back to its regular face. */
export function cssPathOf(spec: FontSpec): string {
  try {
    return require.resolve(`${spec.pkg}/${spec.weight}.css`);
  } catch {
    return require.resolve(`${spec.pkg}/400.css`);
  }
}

export async function facesOf(spec: FontSpec): Promise<{ dir: string; faces: readonly Face[] }> {
  const cssPath = cssPathOf(spec);
  return { dir: dirname(cssPath), faces: await facesIn(cssPath) };
}

/** First index in sorted `xs` whose value is at least `v`. */
function lowerBound(xs: readonly number[], v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((xs[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The sorted code points `cps` that fall in one of the face's ranges: by
 * binary search per range (a CJK face has about a hundred ranges and a page
 * a thousand characters; testing each against each took 0.1 s per build).
 */
export function covered(f: Face, cps: readonly number[]): number[] {
  const out: number[] = [];
  for (const [lo, hi] of f.ranges) {
    for (let i = lowerBound(cps, lo); i < cps.length && (cps[i] as number) <= hi; i++) out.push(cps[i] as number);
  }
  return out;
}

/** Characters whose glyph we must have: everything printable in the text. */
export function codePoints(text: string): number[] {
  const set = new Set<number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp > 0x20 && cp !== 0x7f) set.add(cp);
  }
  return [...set].sort((a, b) => a - b);
}

/** A slice's .woff twin named for the family and weight it is used as (font-names.ts), base64, once per process. */
function renamedFace(path: string, spec: FontSpec): Promise<string> {
  const key = `renamed:${spec.family}:${spec.weight}:${path}`;
  if (!cache.has(key))
    cache.set(
      key,
      readFile(path).then((b) => renameWoff(b, spec.family, spec.weight).toString('base64')),
    );
  return cache.get(key) as Promise<string>;
}

/**
 * @font-face rules for `text`, and the characters no font covers (those
 * would print as missing-glyph boxes; the caller reports them).
 */
export async function fontFaceCss(
  text: string,
  specs: readonly FontSpec[] = DEFAULT_FONTS,
): Promise<{ css: string; missing: string[] }> {
  const cps = codePoints(text);
  const rules: string[] = [];
  const coveredByAny = new Set<number>();
  for (const spec of specs) {
    const { dir, faces } = await facesOf(spec);
    for (const face of faces) {
      const used = covered(face, cps);
      if (used.length === 0) continue;
      used.forEach((cp) => coveredByAny.add(cp));
      const data = await renamedFace(join(dir, face.file.replace(/\.woff2$/, '.woff')), spec);
      rules.push(
        `@font-face{font-family:'${spec.family}';font-style:normal;font-weight:${spec.weight};font-display:block;` +
          `src:url(data:font/woff;base64,${data}) format('woff');unicode-range:${face.ranges.map(([a, b]) => (a === b ? `U+${a.toString(16)}` : `U+${a.toString(16)}-${b.toString(16)}`)).join(',')};}`,
      );
    }
  }
  const missing = cps.filter((cp) => !coveredByAny.has(cp)).map((cp) => String.fromCodePoint(cp));
  return { css: rules.join('\n'), missing };
}

/**
 * The OpenType faces covering `text`, for a renderer that reads font files
 * rather than CSS (resvg, for the Word edition's charts): the .woff twin of
 * each subset the text needs, unwrapped (see woff.ts).
 */
export async function fontFilesFor(text: string, specs: readonly FontSpec[] = DEFAULT_FONTS): Promise<Buffer[]> {
  const cps = codePoints(text);
  const out: Buffer[] = [];
  for (const spec of specs) {
    const { dir, faces } = await facesOf(spec);
    for (const face of faces.filter((f) => covered(f, cps).length > 0)) {
      const woff = Buffer.from(await readCached(join(dir, face.file.replace(/\.woff2$/, '.woff')), 'base64'), 'base64');
      out.push(woffToSfnt(woff));
    }
  }
  return out;
}
