/**
 * Fonts of the web edition, cut to the characters the page uses. The print
 * document inlines whole @fontsource slices (3.4 MB for the sample: Chromium
 * subsets them again when it writes the PDF); a web page has no such step,
 * so each slice the page needs is subset here by harfbuzz's hb-subset
 * (WebAssembly, through subset-font: a real subsetter keeps the glyph
 * outlines and metrics intact, which hand-written table surgery would not)
 * and inlined as WOFF2 (woff2.ts). The sample's two faces come to about 425 kB.
 * Subsetting the sample's 44 slices costs about 0.25 s of CPU, so a
 * rebuild takes each subset from a cache (pipeline/font-cache.ts) keyed by
 * the slice's bytes and the code points kept. subset-font is loaded by
 * hb-subset.ts.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { codePoints, covered, facesOf, type FontSpec } from './fonts.js';
import { woffToSfnt } from './woff.js';
import { sfntToWoff2, WOFF2_ENCODING } from './woff2.js';

/** Subsets made by earlier builds, by subsetKey; best effort (a miss only costs the subsetting). */
export interface SubsetCache {
  get(key: string): Promise<Buffer | null>;
  put(key: string, woff2: Buffer): Promise<void>;
}

/** Changes whenever the same slice and characters would give other bytes (subsetter options, encoder). */
const SUBSET_VERSION = `bulletin-subset 2 woff subset-font truetype ${WOFF2_ENCODING}`;

/** The cache key of one subset: what it is made from, nothing about where or when. */
export const subsetKey = (source: Buffer, cps: readonly number[]): string =>
  createHash('sha256')
    .update(`${SUBSET_VERSION}\n${cps.join(',')}\n`)
    .update(source)
    .digest('hex');

/** A cached subset is used only if it is a whole WOFF2 file (its header gives its own length). */
const wholeWoff2 = (b: Buffer | null): b is Buffer =>
  b !== null && b.length >= 48 && b.toString('latin1', 0, 4) === 'wOF2' && b.readUInt32BE(8) === b.length;

/** `source` is a slice's WOFF 1.0 twin (see subsetOf). */
async function subsetWoff2(source: Buffer, used: readonly number[], cache: SubsetCache | null): Promise<Buffer> {
  const key = cache ? subsetKey(source, used) : '';
  const hit = cache ? await cache.get(key) : null;
  if (wholeWoff2(hit)) return hit;
  // subset-font (HarfBuzz in WebAssembly) takes about 35 ms to load: only when a subset is made.
  const { subsetSfnt } = await import('./hb-subset.js');
  const woff2 = sfntToWoff2(await subsetSfnt(woffToSfnt(source), String.fromCodePoint(...used)));
  await cache?.put(key, woff2);
  return woff2;
}

/** Consecutive code points as CSS unicode-range parts (U+4e00-4e02,U+4e0a). */
function unicodeRange(cps: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < cps.length;) {
    let j = i;
    while (j + 1 < cps.length && (cps[j + 1] as number) === (cps[j] as number) + 1) j++;
    const a = (cps[i] as number).toString(16);
    parts.push(i === j ? `U+${a}` : `U+${a}-${(cps[j] as number).toString(16)}`);
    i = j + 1;
  }
  return parts.join(',');
}

/**
 * Without a cache of subsets (bulletin preview, --no-cache), the last subset
 * made of each slice file, by the code points it was cut to: the preview
 * rebuilds after each save, and a save seldom brings a character new to a
 * slice, so each slice is cut again only when its characters change. One
 * entry per slice file bounds the memory (the sample's two faces: about
 * 0.4 MB). With a cache, that cache is asked (and filled) as before.
 */
const lastSubset = new Map<string, { used: string; woff2: Promise<Buffer> }>();

/**
 * Each slice is read from its WOFF 1.0 twin: unpacked by Node's zlib
 * (woff.ts), where subset-font would unpack the WOFF2 file with Google's
 * decoder in WebAssembly; the sample's subsets cost 0.19 s of CPU instead
 * of 0.37 s. The fonts are the same.
 */
function subsetOf(file: string, used: readonly number[], cache: SubsetCache | null): Promise<Buffer> {
  const path = file.replace(/\.woff2$/, '.woff');
  if (cache) return readFile(path).then((source) => subsetWoff2(source, used, cache));
  const key = used.join(',');
  const last = lastSubset.get(path);
  if (last?.used === key) return last.woff2;
  const woff2 = readFile(path).then((source) => subsetWoff2(source, used, null));
  lastSubset.set(path, { used: key, woff2 });
  // A failed subset is not remembered: the next build tries again (and reports it again if it fails).
  woff2.catch(() => {
    if (lastSubset.get(path)?.woff2 === woff2) lastSubset.delete(path);
  });
  return woff2;
}

/**
 * Subsets of one face: one @font-face per @fontsource slice that has a
 * character of `text`, in the face's order. All slices start at once: their
 * files are read (in libuv's pool) while hb-subset works on this thread.
 */
async function faceRules(spec: FontSpec, cps: readonly number[], cache: SubsetCache | null): Promise<string[]> {
  const { dir, faces } = await facesOf(spec);
  const rule = (used: readonly number[]) => (woff2: Buffer) =>
    `@font-face{font-family:'${spec.family}';font-style:normal;font-weight:${spec.weight};font-display:swap;` +
    `src:url(data:font/woff2;base64,${woff2.toString('base64')}) format('woff2');unicode-range:${unicodeRange(used)};}`;
  return Promise.all(
    faces.flatMap((face) => {
      const used = covered(face, cps).sort((a, b) => a - b);
      if (used.length === 0) return [];
      return [subsetOf(join(dir, face.file), used, cache).then(rule(used))];
    }),
  );
}

/** @font-face rules of every face in `specs`, each subset to the characters of `text`. */
export async function subsetFontCss(
  text: string,
  specs: readonly FontSpec[],
  cache: SubsetCache | null = null,
): Promise<string> {
  const cps = codePoints(text);
  const rules = await Promise.all(specs.map((spec) => faceRules(spec, cps, cache)));
  return rules.flat().join('\n');
}
