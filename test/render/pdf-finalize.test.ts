import { deflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { finalizePdf, type PdfInfo } from '../../src/render/pdf-file.js';
import type { DeflateCache } from '../../src/render/pdf-joiners.js';

// A page drawing a headline with a word joiner's glyph, as Chromium writes it (pdf-joiners.test.ts),
// and destinations named after DOM nodes.
const CONTENT =
  'BT\n/F25 21.33 Tf\n1 0 0 -1 88.375 2173 Tm\n<0013> Tj\n' +
  '/Span<</ActualText <feff2060> >> BDC\n12.6689606 0 Td <0001> Tj\nEMC\n0 0 Td <0011> Tj\nET\n';
const INFO: PdfInfo = {
  title: '标题',
  author: '编者',
  subject: '主题',
  keywords: ['召回'],
  date: new Date('2022-10-15'),
};

async function printed(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < 3; i++) {
    const page = doc.addPage([595, 842]);
    page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream(`${CONTENT}% page ${i}\n`)));
  }
  // The last in UTF-16, as a hex string: the same name to a reader.
  const names = [...[9120, 77, 512].map((n) => PDFString.of(`node${n}`)), PDFHexString.fromText('node500')];
  doc.catalog.set(PDFName.of('Dests'), doc.context.obj({ Kids: [doc.context.obj({ Names: names })] }));
  return doc.save();
}

/** An in-memory cache that counts its hits and misses. */
function memoryCache(): DeflateCache & { files: Map<string, Uint8Array>; hits: number } {
  const files = new Map<string, Uint8Array>();
  const cache = {
    files,
    hits: 0,
    get: async (key: string) => {
      const f = files.get(key) ?? null;
      if (f) cache.hits++;
      return f;
    },
    put: async (key: string, bytes: Uint8Array) => void files.set(key, bytes),
  };
  return cache;
}

/** The destination names of a finalized file, in the order of its name tree. */
async function names(pdf: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(pdf);
  const dests = doc.catalog.lookup(PDFName.of('Dests'), PDFDict);
  const kid = dests.lookup(PDFName.of('Kids'), PDFArray).lookup(0, PDFDict);
  return kid
    .lookup(PDFName.of('Names'), PDFArray)
    .asArray()
    .map((n) => (n as PDFString).decodeText());
}

describe('finalizePdf', () => {
  it('renumbers node names in their order, and a cache of rewritten pages changes no byte', async () => {
    const plain = await finalizePdf(await printed(), INFO);
    expect(await names(plain)).toEqual(['node00000004', 'node00000001', 'node00000003', 'node00000002']);
    const cache = memoryCache();
    const first = await finalizePdf(await printed(), INFO, cache);
    expect(cache.files.size).toBe(3); // one rewritten content stream per page
    const second = await finalizePdf(await printed(), INFO, cache);
    expect(cache.hits).toBe(3);
    expect(Buffer.from(first).equals(Buffer.from(plain))).toBe(true);
    expect(Buffer.from(second).equals(Buffer.from(plain))).toBe(true);
  });

  it('deflates a page again when its cached stream is damaged or holds other content', async () => {
    const plain = await finalizePdf(await printed(), INFO);
    const cache = memoryCache();
    await finalizePdf(await printed(), INFO, cache);
    const [damaged, other, truncated] = [...cache.files.keys()];
    cache.files.set(damaged!, new Uint8Array([1, 2, 3]));
    cache.files.set(other!, deflateSync('BT ET\n'));
    cache.files.set(truncated!, cache.files.get(truncated!)!.subarray(0, 20));
    const again = await finalizePdf(await printed(), INFO, cache);
    expect(Buffer.from(again).equals(Buffer.from(plain))).toBe(true);
  });
});
