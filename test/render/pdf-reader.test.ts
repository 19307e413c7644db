import { PDFDocument, PDFHexString, PDFName, PDFString, type PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { readLayout } from '../../src/render/pdf-file.js';
import { plainLayout } from '../../src/render/pdf-layout.js';
import { NotPlain, readPlainPdf } from '../../src/render/pdf-reader.js';

const PREFIX = 'https://row-marker.invalid/';

/**
 * Three pages with marker links (one twice, one on a page of its own), bookmarks nested and
 * pointing at pages directly, through a named destination and through an action, titles as
 * UTF-16 with a word joiner and as a literal string with escapes: saved with a classic
 * cross-reference table, as Chromium writes its prints.
 */
async function print(useObjectStreams: boolean): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const [p1, p2, p3] = [doc.addPage([595, 842]), doc.addPage([595, 842]), doc.addPage([400, 600])];
  const ctx = doc.context;
  const link = (uri: string, top: number) =>
    ctx.register(
      ctx.obj({
        Type: 'Annot',
        Subtype: 'Link',
        Rect: [10, top - 20, 100, top],
        A: { S: 'URI', URI: PDFString.of(uri) },
      }),
    );
  p1!.node.set(PDFName.of('Annots'), ctx.obj([link(`${PREFIX}t1.0`, 700), link('https://example.com/', 500)]));
  p2!.node.set(PDFName.of('Annots'), ctx.obj([link(`${PREFIX}t1.1`, 800.25), link(`${PREFIX}t1.0`, 300)]));
  p3!.node.set(PDFName.of('Annots'), ctx.obj([link(`${PREFIX}flow.x`, 590)]));
  const names = ctx.obj({ Names: [PDFString.of('node42'), ctx.obj([p3!.ref, 'XYZ', null, null, null])] });
  doc.catalog.set(PDFName.of('Names'), ctx.obj({ Dests: names }));
  const [root, a, b, c] = [ctx.nextRef(), ctx.nextRef(), ctx.nextRef(), ctx.nextRef()] as PDFRef[];
  const item = (title: PDFString | PDFHexString, more: Record<string, unknown>) =>
    ctx.obj({ Title: title, Parent: root, ...more } as never);
  ctx.assign(
    a!,
    item(PDFHexString.fromText('一、 综\u2060述'), {
      Dest: [p1!.ref, 'XYZ', null, null, null],
      Next: b,
      First: c,
      Last: c,
    }),
  );
  ctx.assign(b!, item(PDFString.of('Two \\(2\\) \\101'), { A: { S: 'GoTo', D: PDFString.of('node42') } }));
  ctx.assign(c!, item(PDFHexString.fromText('二、全国二、全国'), { Dest: [p2!.ref, 'Fit'], Parent: a }));
  ctx.assign(root!, ctx.obj({ Type: 'Outlines', First: a, Last: b, Count: 3 }));
  doc.catalog.set(PDFName.of('Outlines'), root!);
  return doc.save({ useObjectStreams });
}

describe('the small PDF reader', () => {
  it('reads the same layout as pdf-lib from a file with a cross-reference table', async () => {
    const plain = await print(false);
    const expected = await readLayout(await print(true), PREFIX); // read by pdf-lib: see below
    const read = plainLayout(readPlainPdf(plain), PREFIX, (t) =>
      t.replaceAll('\u2060', '').replace('二、全国二、全国', '二、全国'),
    );
    expect(read).toEqual(expected);
    expect(await readLayout(plain, PREFIX)).toEqual(expected);
    expect(expected.outline).toEqual([
      { title: '一、综述', page: 1 },
      { title: '二、全国', page: 2 },
      { title: 'Two(2)A', page: 3 },
    ]);
    expect([...expected.markers]).toEqual([
      [`${PREFIX}t1.0`, 0],
      [`${PREFIX}t1.1`, 1],
      [`${PREFIX}flow.x`, 2],
    ]);
    expect(expected.markerTops.get(`${PREFIX}t1.1`)).toBeCloseTo(41.75);
    expect(expected.markerTops.get(`${PREFIX}flow.x`)).toBe(10);
  });

  it('gives up on a file with object streams or an update appended (pdf-lib reads those)', async () => {
    expect(() => readPlainPdf(new Uint8Array(Buffer.from('%PDF-1.7\n')))).toThrow(NotPlain);
    expect(() =>
      readPlainPdf(
        new Uint8Array(
          Buffer.from('xref\n0 1\n0000000000 65535 f \ntrailer\n<</Size 1 /Prev 9>>\nstartxref\n0\n%%EOF\n'),
        ),
      ),
    ).toThrow(NotPlain);
  });
});
