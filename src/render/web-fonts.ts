/**
 * Fonts of the web edition, cut to the characters the page uses. The print
 * document inlines whole @fontsource slices (3.4 MB for the sample: Chromium
 * subsets them again when it writes the PDF); a web page has no such step,
 * so each slice the page needs is subset here by harfbuzz's hb-subset
 * (WebAssembly, through subset-font: a real subsetter keeps the glyph
 * outlines and metrics intact, which hand-written table surgery would not)
 * and inlined as WOFF2 (woff2.ts). The sample's two faces come to about 420 kB.
 * The only module that knows subset-font.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import subsetFont from 'subset-font';
import { codePoints, covered, facesOf, type FontSpec } from './fonts.js';
import { sfntToWoff2 } from './woff2.js';

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
 * The last subset made of each slice file, by the characters it was cut to.
 * Subsetting and Brotli are nearly all of an HTML build's time (about 0.7 s
 * of CPU for the sample); the preview rebuilds after each save, and a save
 * seldom brings a character new to a slice, so each slice is cut again only
 * when its characters change. One entry per slice file bounds the memory
 * (the sample's two faces: about 0.5 MB); the bytes are the same either way.
 */
const lastSubset = new Map<string, { chars: string; woff2: Promise<string> }>();

function subsetOf(path: string, chars: string): Promise<string> {
  const last = lastSubset.get(path);
  if (last?.chars === chars) return last.woff2;
  const woff2 = readFile(path).then(async (source) =>
    sfntToWoff2(await subsetFont(source, chars, { targetFormat: 'truetype' })).toString('base64'),
  );
  lastSubset.set(path, { chars, woff2 });
  // A failed subset is not remembered: the next build tries again (and reports it again if it fails).
  woff2.catch(() => {
    if (lastSubset.get(path)?.woff2 === woff2) lastSubset.delete(path);
  });
  return woff2;
}

/** Subsets of one face: one @font-face per @fontsource slice that has a character of `text`. */
async function faceRules(spec: FontSpec, cps: readonly number[]): Promise<string[]> {
  const { dir, faces } = await facesOf(spec);
  const rules: string[] = [];
  for (const face of faces) {
    const used = covered(face, cps).sort((a, b) => a - b);
    if (used.length === 0) continue;
    const woff2 = await subsetOf(join(dir, face.file), String.fromCodePoint(...used));
    rules.push(
      `@font-face{font-family:'${spec.family}';font-style:normal;font-weight:${spec.weight};font-display:swap;` +
        `src:url(data:font/woff2;base64,${woff2}) format('woff2');unicode-range:${unicodeRange(used)};}`,
    );
  }
  return rules;
}

/** @font-face rules of every face in `specs`, each subset to the characters of `text`. */
export async function subsetFontCss(text: string, specs: readonly FontSpec[]): Promise<string> {
  const cps = codePoints(text);
  const rules: string[] = [];
  for (const spec of specs) rules.push(...(await faceRules(spec, cps)));
  return rules.join('\n');
}
