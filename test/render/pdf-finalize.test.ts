import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFRef, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { finalizePdf, readLayout, type PdfInfo } from '../../src/render/pdf-file.js';

// A page drawing a headline with a word joiner's glyph, as Chromium writes it (pdf-joiners.test.ts).
const CONTENT =
  'BT\n/F25 21.33 Tf\n1 0 0 -1 88.375 2173 Tm\n<0013> Tj\n' +
  '/Span<</ActualText <feff2060> >> BDC\n12.6689606 0 Td <0001> Tj\nEMC\n0 0 Td <0011> Tj\nET\n';
const MARKER = 'https://row-marker.invalid/';
const INFO: PdfInfo = {
  title: '标题',
  author: '编者',
  subject: '主题',
  keywords: ['召回', '2022年'],
  date: new Date('2022-10-15'),
  dropLinksTo: MARKER,
};

/**
 * A print shaped as Chromium writes one: a classic cross-reference table, the wall clock in the
 * document information, three pages with a joiner glyph each, a marker link and a real link on the
 * first page, tagged (Link elements with OBJR kids, the ParentTree), a doubled bookmark title with
 * joiners, and destinations named after DOM nodes (one as a UTF-16 hex string).
 */
async function printed(clock = '20261202101500', useObjectStreams = false): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const ctx = doc.context;
  const pages = [0, 1, 2].map((i) => {
    const page = doc.addPage([595, 842]);
    page.node.set(PDFName.of('Contents'), ctx.register(ctx.flateStream(`${CONTENT}% page ${i}\n`)));
    return page;
  });
  const link = (uri: string, key: number) =>
    ctx.register(
      ctx.obj({
        Type: 'Annot',
        Subtype: 'Link',
        Rect: [10, 700, 50, 720],
        StructParent: key,
        A: { S: 'URI', URI: PDFString.of(uri) },
      }),
    );
  const [marker, real] = [link(`${MARKER}t1.0`, 0), link('https://www.samr.gov.cn/', 1)];
  pages[0]!.node.set(PDFName.of('Annots'), ctx.obj([marker, real]));
  const elem = (s: string, k: unknown) => ctx.register(ctx.obj({ Type: 'StructElem', S: s, K: k as never }));
  const objr = (annot: PDFRef) => ctx.obj({ Type: 'OBJR', Obj: annot, Pg: pages[0]!.ref });
  const [markerLink, realLink] = [elem('Link', objr(marker)), elem('Link', objr(real))];
  const cell = elem('TD', [markerLink]);
  const document = elem('Document', [elem('P', 0), cell, realLink]);
  const parentTree = ctx.register(ctx.obj({ Nums: [0, markerLink, 1, realLink] }));
  doc.catalog.set(
    PDFName.of('StructTreeRoot'),
    ctx.register(ctx.obj({ Type: 'StructTreeRoot', K: document, ParentTree: parentTree })),
  );
  const names = [...[9120, 77, 512].map((n) => PDFString.of(`node${n}`)), PDFHexString.fromText('node500')];
  doc.catalog.set(PDFName.of('Dests'), ctx.obj({ Kids: [ctx.obj({ Names: names })] }));
  const item = ctx.register(
    ctx.obj({ Title: PDFHexString.fromText('二、\u2060全国二、\u2060全国'), Dest: [pages[1]!.ref, 'Fit'] }),
  );
  doc.catalog.set(
    PDFName.of('Outlines'),
    ctx.register(ctx.obj({ Type: 'Outlines', First: item, Last: item, Count: 1 })),
  );
  const info = ctx.obj({ Producer: PDFString.of('Skia/PDF m156'), CreationDate: PDFString.of(`D:${clock}+00'00'`) });
  ctx.trailerInfo.Info = ctx.register(info);
  return doc.save({ useObjectStreams });
}

const load = async (pdf: Uint8Array) => PDFDocument.load(pdf, { updateMetadata: false });

/** The destination names of a finished file, in the order of its name tree. */
function destNames(doc: PDFDocument): string[] {
  const kid = doc.catalog.lookup(PDFName.of('Dests'), PDFDict).lookup(PDFName.of('Kids'), PDFArray).lookup(0, PDFDict);
  return kid
    .lookup(PDFName.of('Names'), PDFArray)
    .asArray()
    .map((n) => (n as PDFString).decodeText());
}

/** The structure elements' types, depth first, and the annotations their OBJR kids name. */
function structure(doc: PDFDocument): string[] {
  const out: string[] = [];
  const walk = (k: unknown): void => {
    const node = k instanceof PDFRef ? doc.context.lookup(k) : k;
    if (node instanceof PDFArray) return node.asArray().forEach(walk);
    if (!(node instanceof PDFDict)) return;
    const s = node.get(PDFName.of('S')) ?? node.get(PDFName.of('Type'));
    out.push(`${String(s)}${s === PDFName.of('OBJR') ? ` ${String(node.get(PDFName.of('Obj')))}` : ''}`);
    walk(node.get(PDFName.of('K')));
  };
  walk(doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict).get(PDFName.of('K')));
  return out;
}

describe('finalizePdf', () => {
  it('sets the document information from the issue, never the clock, and gives the same bytes for the same print', async () => {
    const finished = await finalizePdf(await printed(), INFO);
    const later = await finalizePdf(await printed('20261203080000'), INFO);
    expect(Buffer.from(later).equals(Buffer.from(finished))).toBe(true);
    const doc = await load(finished);
    expect([doc.getTitle(), doc.getAuthor(), doc.getSubject(), doc.getKeywords()]).toEqual([
      '标题',
      '编者',
      '主题',
      '召回 2022年',
    ]);
    expect(doc.getCreationDate()?.toISOString()).toBe('2022-10-15T00:00:00.000Z');
    expect(doc.getModificationDate()?.toISOString()).toBe('2022-10-15T00:00:00.000Z');
    expect(doc.getProducer()).toBe('bulletin (Chromium)');
    expect(doc.catalog.get(PDFName.of('Lang'))?.toString()).toBe('(zh-CN)');
    expect(doc.context.trailerInfo.ID?.toString()).toMatch(/^\[ <[0-9a-f]{32}> <[0-9a-f]{32}> \]$/);
  });

  it('renumbers node names in their order, drops the joiner glyphs and cleans the bookmark title', async () => {
    const doc = await load(await finalizePdf(await printed(), INFO));
    expect(destNames(doc)).toEqual(['node00000004', 'node00000001', 'node00000003', 'node00000002']);
    for (const page of doc.getPages()) {
      const stream = doc.context.lookup(page.node.get(PDFName.of('Contents')) as PDFRef) as PDFRawStream;
      const text = inflateSync(stream.contents).toString('latin1');
      expect(text).not.toContain('feff2060');
      expect(text).toContain('<0013> Tj');
      expect(text).toContain('12.6689606 0 Td');
    }
    const outline = await readLayout(await finalizePdf(await printed(), INFO));
    expect(outline.outline).toEqual([{ title: '二、全国', page: 2 }]);
  });

  it('takes the marker link off its page, out of the structure tree and the ParentTree, and out of the file', async () => {
    const print = await printed();
    const before = await load(print);
    const doc = await load(await finalizePdf(print, INFO));
    const [marker, real] = before.getPages()[0]!.node.lookup(PDFName.of('Annots'), PDFArray).asArray().map(String);
    const annots = doc.getPages()[0]!.node.lookup(PDFName.of('Annots'), PDFArray).asArray();
    expect(annots.map(String)).toEqual([real]);
    const uri = doc.context.lookup(annots[0]!, PDFDict).lookup(PDFName.of('A'), PDFDict).get(PDFName.of('URI'));
    expect(uri?.toString()).toBe('(https://www.samr.gov.cn/)');
    // The emptied cell stays (a table keeps its columns); the marker's Link element goes.
    expect(structure(before)).toEqual(['/Document', '/P', '/TD', '/Link', `/OBJR ${marker}`, '/Link', `/OBJR ${real}`]);
    expect(structure(doc)).toEqual(['/Document', '/P', '/TD', '/Link', `/OBJR ${real}`]);
    const tree = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict).lookup(PDFName.of('ParentTree'), PDFDict);
    const nums = tree.lookup(PDFName.of('Nums'), PDFArray).asArray();
    expect(nums.map(String)).toEqual(['1', String(nums[1])]);
    expect(doc.context.lookup(nums[1] as PDFRef, PDFDict).get(PDFName.of('S'))).toBe(PDFName.of('Link'));
    // The annotation and its Link element are gone from the file.
    expect(doc.context.lookup(PDFRef.of(Number(marker!.split(' ')[0])))).toBeUndefined();
    expect(doc.context.enumerateIndirectObjects().length).toBe(before.context.enumerateIndirectObjects().length - 2);
  });

  it('finishes a file the small reader does not take (object streams) through a plain copy, to the same document', async () => {
    const viaCopy = await load(await finalizePdf(await printed(undefined, true), INFO));
    const direct = await load(await finalizePdf(await printed(), INFO));
    expect(destNames(viaCopy)).toEqual(destNames(direct));
    expect(structure(viaCopy).map((s) => s.replace(/ \d+ 0 R$/, ''))).toEqual(
      structure(direct).map((s) => s.replace(/ \d+ 0 R$/, '')),
    );
    expect([viaCopy.getTitle(), viaCopy.getCreationDate()?.toISOString()]).toEqual([
      direct.getTitle(),
      direct.getCreationDate()?.toISOString(),
    ]);
  });
});
