/**
 * The only module that loads subset-font (HarfBuzz's hb-subset in
 * WebAssembly), for web-fonts.ts. subset-font converts what it is given and
 * what it returns with fontverter, which loads two font converters at once
 * (WOFF2 compiled to WebAssembly, and WOFF): 26 ms of a build's CPU, spent
 * beside Chromium's print, for converters a build never calls, since the
 * slices are handed over unpacked (sfnt, woff.ts) and asked back as sfnt,
 * which fontverter passes through untouched. So subset-font is loaded with a
 * pass-through in fontverter's place (as src/ingest/exceljs.ts replaces
 * exceljs's SAX helper), and the require cache is left as it was: anything
 * else that requires subset-font or fontverter gets them as published.
 */
import { createRequire, Module } from 'node:module';

type Format = 'sfnt' | 'truetype' | 'woff' | 'woff2';
type SubsetFont = (font: Buffer, text: string, options: { targetFormat: Format }) => Promise<Buffer>;

const require = createRequire(import.meta.url);

const SFNT_SIGNATURES = new Set(['true', 'OTTO', '\0\x01\0\0']);

/** fontverter's interface for unpacked fonts only; anything else is a bug here, and said so. */
const passThrough = {
  detectFormat(font: Buffer): Format {
    const signature = font.toString('latin1', 0, 4);
    if (SFNT_SIGNATURES.has(signature)) return 'sfnt';
    throw new Error(`hb-subset.ts hands subset-font unpacked fonts only, not ${JSON.stringify(signature)}`);
  },
  async convert(font: Buffer, to: Format, from?: Format): Promise<Buffer> {
    const unpacked = (f: Format) => f === 'sfnt' || f === 'truetype';
    if (!unpacked(to) || !unpacked(from ?? passThrough.detectFormat(font)))
      throw new Error(`hb-subset.ts asks subset-font for unpacked fonts only, not ${from ?? '?'} -> ${to}`);
    return font;
  },
};

function loadSubsetFont(): SubsetFont {
  const subsetPath = require.resolve('subset-font');
  if (require.cache[subsetPath]) return require(subsetPath) as SubsetFont; // loaded before, by someone else
  const fontverterPath = createRequire(subsetPath).resolve('fontverter');
  const before = require.cache[fontverterPath];
  const stand = new Module(fontverterPath);
  stand.filename = fontverterPath;
  stand.loaded = true;
  stand.exports = passThrough;
  require.cache[fontverterPath] = stand;
  try {
    return require(subsetPath) as SubsetFont;
  } finally {
    // Neither stays cached: whatever requires subset-font or fontverter later gets them as published.
    delete require.cache[subsetPath];
    if (before) require.cache[fontverterPath] = before;
    else delete require.cache[fontverterPath];
  }
}

const subsetFont = loadSubsetFont();

/** `sfnt` cut to the glyphs of `text` (and what HarfBuzz's layout closure adds), as sfnt. */
export const subsetSfnt = (sfnt: Buffer, text: string): Promise<Buffer> =>
  subsetFont(sfnt, text, { targetFormat: 'truetype' });
