import { inflateSync, deflateSync } from 'node:zlib';
import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { PdfEdit } from '../../src/render/pdf-edit.js';
import { readPlainPdf, Ref, Token } from '../../src/render/pdf-reader.js';
import { serialize } from '../../src/render/pdf-syntax.js';

/** A small plain file: a catalog, one page with a content stream, and a spare object. */
async function plain(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const page = doc.addPage([595, 842]);
  page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream('BT ET\n')));
  doc.context.register(doc.context.obj({ Spare: true }));
  return doc.save({ useObjectStreams: false });
}

/** Each object of a file as pdf-lib reads it (a stream by its dictionary and bytes), by number. */
async function objectsOf(bytes: Uint8Array): Promise<Map<number, string>> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const text = (o: unknown) =>
    o instanceof PDFRawStream ? `${o.dict.toString()} ${Buffer.from(o.contents).toString('hex')}` : String(o);
  return new Map(
    doc.context
      .enumerateIndirectObjects()
      .filter(
        ([, o]) =>
          !(o instanceof PDFRawStream) || !['/ObjStm', '/XRef'].includes(String(o.dict.get(PDFName.of('Type')))),
      )
      .map(([ref, o]) => [ref.objectNumber, text(o)]),
  );
}

describe('PdfEdit', () => {
  it('writes values in PDF syntax, numbers without exponents or trailing zeros', () => {
    const v = new Map<string, never>([
      ['A', [0.5, -0.000001, 12, 157.211929, 1e-12, true, null] as never],
      ['B', new Token('string', 'a\\)b') as never],
      ['C', new Token('hex', 'FEFF0041') as never],
      ['D', new Ref(3, 0) as never],
      ['E', new Token('name', 'A#20B') as never],
    ]);
    expect(serialize(v)).toBe(
      '<</A [0.5 -0.000001 12 157.211929 0 true null]\n/B (a\\)b)\n/C <FEFF0041>\n/D 3 0 R\n/E /A#20B>>',
    );
  });

  it('writes a file it did not change with the same objects, the plain ones packed in object streams', async () => {
    const bytes = await plain();
    const edit = new PdfEdit(bytes);
    const out = edit.write(new Map([['Root', edit.pdf.trailer.get('Root')!]]));
    expect(await objectsOf(out)).toEqual(await objectsOf(bytes));
    const text = Buffer.from(out).toString('latin1');
    expect(text.startsWith('%PDF-1.7\n')).toBe(true);
    expect(text).toContain('/Type /ObjStm');
    expect(text).toMatch(/\/Type \/XRef[^]*startxref\n\d+\n%%EOF\n$/);
    expect(() => readPlainPdf(out)).toThrow(); // a cross-reference stream: not a file Chromium writes
  });

  it('writes changed, replaced, removed and added objects, and links the free entries from object 0', async () => {
    const bytes = await plain();
    const edit = new PdfEdit(bytes);
    const catalogRef = edit.pdf.trailer.get('Root') as Ref;
    (edit.get(catalogRef) as Map<string, unknown>).set('Lang', new Token('string', 'zh-CN'));
    edit.touch(catalogRef);
    const spare = edit.refs().find((r) => (edit.get(r) as Map<string, unknown>).has?.('Spare')) as Ref;
    edit.remove(spare);
    const added = edit.add(new Map([['Added', 1]]));
    const page = edit.refs().find((r) => (edit.get(r) as Map<string, unknown>).has?.('Contents')) as Ref;
    const content = (edit.get(page) as Map<string, unknown>).get('Contents') as Ref;
    expect(edit.isStream(content)).toBe(true);
    edit.set(content, {
      dict: new Map([['Filter', new Token('name', 'FlateDecode')]]),
      data: deflateSync('BT /F1 9 Tf ET\n'),
    });
    const out = edit.write(new Map([['Root', catalogRef]]));

    const doc = await PDFDocument.load(out, { updateMetadata: false });
    expect(doc.catalog.get(PDFName.of('Lang'))?.toString()).toBe('(zh-CN)');
    expect(doc.context.lookup(PDFRef.of(spare.num))).toBeUndefined();
    expect(doc.context.lookup(PDFRef.of(added.num), PDFDict).get(PDFName.of('Added'))?.toString()).toBe('1');
    const stream = doc.context.lookup(PDFRef.of(content.num)) as PDFRawStream;
    expect(inflateSync(stream.contents).toString()).toBe('BT /F1 9 Tf ET\n');
    expect(stream.dict.get(PDFName.of('Length'))?.toString()).toBe(String(stream.contents.length));
    expect((await objectsOf(out)).size).toBe((await objectsOf(bytes)).size); // one removed, one added
  });

  it('links the free entries of the cross-reference stream from object 0, each removed object freed for reuse', async () => {
    const bytes = await plain();
    const edit = new PdfEdit(bytes);
    const removed = edit.refs().slice(-2);
    removed.forEach((r) => edit.remove(r));
    const out = Buffer.from(edit.write(new Map([['Root', edit.pdf.trailer.get('Root')!]])));
    const text = out.toString('latin1');
    const start = Number(/startxref\n(\d+)/.exec(text)![1]);
    const data = /stream\n/.exec(text.slice(start))!;
    const rows = inflateSync(out.subarray(start + data.index + data[0].length));
    const row = (n: number) => [rows.readUInt8(n * 7), rows.readUInt32BE(n * 7 + 1), rows.readUInt16BE(n * 7 + 5)];
    const [a, b] = removed.map((r) => r.num).sort((x, y) => x - y) as [number, number];
    expect(row(0)).toEqual([0, a, 65535]);
    expect(row(a)).toEqual([0, b, 1]);
    expect(row(b)).toEqual([0, 0, 1]);
  });
});
