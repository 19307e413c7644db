import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { finishedPdfCache, finishPdf } from '../../src/pipeline/pdf-cache.js';
import { finalizePdf, type PdfInfo } from '../../src/render/pdf-file.js';
import { finishKey } from '../../src/render/pdf-print-key.js';
import { tempDir } from '../helpers/cli.js';

const INFO: PdfInfo = {
  title: '标题',
  author: '编者',
  subject: '主题',
  keywords: ['召回'],
  date: new Date('2022-10-15T00:00:00Z'),
  dropLinksTo: 'https://bulletin.invalid/',
};
const CODE = 'c'.repeat(64);
// A plain script (no types): loaded as bundle.mjs loads it.
const script = '../../scripts/code-identity.mjs';
const { codeIdentity } = (await import(script)) as { codeIdentity: (dir: string) => string };

/**
 * A print as Chromium writes one: a classic cross-reference table, the
 * document information first (object 1, as Chromium numbers it) with
 * Chromium's clock in it, then the page showing `text`. `extra` adds an
 * entry finishing does not set.
 */
async function print(text: string, clock: Date, extra?: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle('printed title');
  doc.setCreator('HeadlessChrome');
  doc.setProducer('Skia/PDF');
  doc.setCreationDate(clock);
  doc.setModificationDate(clock);
  if (extra) doc.context.lookup(doc.context.trailerInfo.Info, PDFDict).set(PDFName.of(extra), PDFName.of('True'));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText(text, { x: 50, y: 700, font, size: 12 });
  return doc.save({ useObjectStreams: false });
}

/** `bytes` with `from` replaced by `to` (as long): a print differing in that one place only. */
function edited(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const s = Buffer.from(bytes).toString('latin1');
  expect(s.split(from)).toHaveLength(2);
  expect(to).toHaveLength(from.length);
  return Buffer.from(s.replace(from, to), 'latin1');
}

const at = (s: string) => new Date(`2026-12-02T${s}Z`);
const files = (dir: string) => readdirSync(join(dir, 'pdfs')).map((f) => join(dir, 'pdfs', f));
const equal = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

describe('finishKey', () => {
  it('is the same for prints that differ only in Chromium’s clock, which finishing overwrites', async () => {
    const [a, b] = [await print('page 1', at('10:00:00')), await print('page 1', at('11:59:59'))];
    expect(equal(a, b)).toBe(false);
    expect(finishKey(a, INFO, CODE)).toMatch(/^[0-9a-f]{64}$/);
    expect(finishKey(b, INFO, CODE)).toBe(finishKey(a, INFO, CODE));
    // Which is why the key may leave the dates out: finishing either gives the same bytes.
    expect(equal(await finalizePdf(a, INFO), await finalizePdf(b, INFO))).toBe(true);
  });

  it('differs for another page content at the same clock, another PdfInfo or other finishing code', async () => {
    const clock = at('10:00:00');
    const p = await print('page 1', clock);
    const key = finishKey(p, INFO, CODE);
    expect(key).not.toBeNull();
    expect(finishKey(await print('page 2', clock), INFO, CODE)).not.toBe(key);
    // One byte after the information object (the page's size), one before it (the header): the same dates, other files.
    expect(Buffer.from(p).toString('latin1').indexOf('/MediaBox')).toBeGreaterThan(
      Buffer.from(p).toString('latin1').indexOf('/ModDate'),
    );
    expect(finishKey(edited(p, '0 0 595 842', '0 0 596 842'), INFO, CODE)).not.toBe(key);
    expect(finishKey(edited(p, '%PDF-1.7', '%PDF-1.6'), INFO, CODE)).not.toBe(key);
    expect(finishKey(p, { ...INFO, subject: '别的主题' }, CODE)).not.toBe(key);
    expect(finishKey(p, { ...INFO, date: new Date('2022-10-16T00:00:00Z') }, CODE)).not.toBe(key);
    expect(finishKey(p, { ...INFO, dropLinksTo: undefined }, CODE)).not.toBe(key);
    expect(finishKey(p, INFO, 'd'.repeat(64))).not.toBe(key);
  });

  it('is none for a print whose information holds an entry finishing keeps, or that the small reader does not take', async () => {
    expect(finishKey(await print('page 1', at('10:00:00'), 'Trapped'), INFO, CODE)).toBeNull();
    const doc = await PDFDocument.load(await print('page 1', at('10:00:00')));
    // Saved with object streams (a cross-reference stream): not a file as Chromium writes them.
    expect(finishKey(await doc.save(), INFO, CODE)).toBeNull();
  });
});

describe('finishPdf', () => {
  it('keeps the finished file and gives it back for the same print at another time, byte for byte', async () => {
    const dir = tempDir();
    const cache = finishedPdfCache(dir, CODE);
    const first = await finishPdf(await print('page 1', at('10:00:00')), INFO, cache);
    expect(files(dir)).toHaveLength(1);
    const later = await print('page 1', at('10:05:00'));
    const again = await finishPdf(later, INFO, cache);
    expect(equal(again, first)).toBe(true);
    expect(equal(again, await finalizePdf(later, INFO))).toBe(true);
    // It was read, not finished again: a stored file (with its checksum) standing for other bytes is what comes back.
    const stand = Buffer.from('%PDF-1.7 from the cache');
    writeFileSync(files(dir)[0]!, Buffer.concat([createHash('sha256').update(stand).digest(), stand]));
    expect(Buffer.from(await finishPdf(later, INFO, cache)).toString()).toBe(stand.toString());
  });

  it('finishes another print, and keeps it apart', async () => {
    const dir = tempDir();
    const cache = finishedPdfCache(dir, CODE);
    await finishPdf(await print('page 1', at('10:00:00')), INFO, cache);
    const other = await print('page 2', at('10:00:00'));
    expect(equal(await finishPdf(other, INFO, cache), await finalizePdf(other, INFO))).toBe(true);
    expect(files(dir)).toHaveLength(2);
  });

  it('finishes again when the stored file is damaged, and replaces it', async () => {
    const dir = tempDir();
    const cache = finishedPdfCache(dir, CODE);
    const p = await print('page 1', at('10:00:00'));
    const good = await finishPdf(p, INFO, cache);
    const [file] = files(dir) as [string];
    const stored = readFileSync(file);
    stored.writeUInt8(stored.readUInt8(stored.length - 10) ^ 1, stored.length - 10);
    writeFileSync(file, stored);
    expect(equal(await finishPdf(p, INFO, cache), good)).toBe(true);
    expect(equal(readFileSync(file).subarray(32), good)).toBe(true);
  });

  it('is off with --no-cache and where the finishing code is not known (not the bundle)', async () => {
    expect(finishedPdfCache(null, CODE)).toBeNull();
    // These tests run the sources: no code-identity.txt beside src/pipeline/pdf-cache.ts.
    expect(finishedPdfCache(tempDir())).toBeNull();
  });
});

describe('codeIdentity (scripts/bundle.mjs writes it beside the chunks)', () => {
  it('changes with any chunk’s name or bytes, not with the other files', () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'run-cli.js'), 'export {};\n');
    writeFileSync(join(dir, 'chunk-A.js'), 'pdf-lib\n');
    const id = codeIdentity(dir);
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    writeFileSync(join(dir, 'THIRD-PARTY-LICENSES.txt'), 'MIT\n');
    expect(codeIdentity(dir)).toBe(id);
    writeFileSync(join(dir, 'chunk-A.js'), 'pdf-lib 2\n');
    expect(codeIdentity(dir)).not.toBe(id);
  });
});
