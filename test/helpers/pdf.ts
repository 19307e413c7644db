import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';

const outputs = new Map<string, string>();

/**
 * What a poppler tool prints, run with `args` on the PDF at `path`: asked
 * once per version of the file and kept, as
 * the tests read the same pages of the same few PDFs hundreds of times (738
 * runs of pdftotext and pdfinfo in the browser tests, 104 different ones).
 * The file's inode, size and time are part of the key: a PDF written again
 * at the same path is read again.
 */
export function pdfTool(tool: string, args: string[], path: string): string {
  const st = statSync(path);
  const key = JSON.stringify([tool, args, path, st.ino, st.size, st.mtimeMs]);
  let out = outputs.get(key);
  if (out === undefined) {
    out = execFileSync(tool, args, { encoding: 'utf8' });
    outputs.set(key, out);
  }
  return out;
}

export function pdfText(path: string): string {
  return pdfTool('pdftotext', ['-enc', 'UTF-8', path, '-'], path);
}

/**
 * Extracted text with all whitespace removed, so sentences broken across
 * lines still match; the page foot and running header between two pages
 * are removed too, so do sentences broken across pages.
 */
export function pdfTextCompact(path: string): string {
  return pdfText(path)
    .replace(/\s+/g, '')
    .replace(/—\d+—湖南缺陷产品召回第\d+期/g, '');
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

export function pdfFonts(path: string): PdfFont[] {
  const lines = pdfTool('pdffonts', [path], path).split('\n').slice(2).filter(Boolean);
  return lines.map((line) => {
    const m = /^(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line);
    if (!m) throw new Error(`cannot parse pdffonts line: ${line}`);
    return {
      name: m[1]!,
      type: m[2]!.trim(),
      embedded: m[4] === 'yes',
      subset: m[5] === 'yes',
      unicode: m[6] === 'yes',
    };
  });
}

export function pdfInfo(path: string): Record<string, string> {
  const out = pdfTool('pdfinfo', [path], path);
  return Object.fromEntries(
    out
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );
}

/**
 * Whether `s` appears in `text` as a table cell that may have wrapped: its
 * characters in order, other cells' lines interleaved, within a window a few
 * times its length. pdftotext reads wrapped cells row by row across columns.
 */
export function containsWrapped(text: string, s: string, spread = 8): boolean {
  const chars = [...s];
  const t = [...text];
  for (let i = 0; i < t.length; i++) {
    if (t[i] !== chars[0]) continue;
    let k = 1;
    for (let j = i + 1; j < Math.min(t.length, i + chars.length * spread) && k < chars.length; j++) {
      if (t[j] === chars[k]) k++;
    }
    if (k === chars.length) return true;
  }
  return false;
}

/** Text of one page, laid out (-layout keeps a table row on one line). */
export function pageText(path: string, page: number, layout = false): string {
  const args = ['-enc', 'UTF-8', ...(layout ? ['-layout'] : []), '-f', String(page), '-l', String(page), path, '-'];
  return pdfTool('pdftotext', args, path);
}

/** Each line of the laid-out text with its whitespace removed. */
export function compactLines(path: string): string[] {
  return pdfTool('pdftotext', ['-enc', 'UTF-8', '-layout', path, '-'], path)
    .split('\n')
    .map((l) => l.replace(/\s+/g, ''))
    .filter(Boolean);
}

export interface PageImage {
  width: number;
  height: number;
  /** RGB triples. */
  data: Buffer;
}

/** Renders pages to PPM (trivial to parse) at a low resolution. */
export function pageImages(path: string, dpi = 30): PageImage[] {
  const dir = execFileSync('mktemp', ['-d'], { encoding: 'utf8' }).trim();
  execFileSync('pdftoppm', ['-r', String(dpi), path, `${dir}/p`]);
  const files = execFileSync('ls', [dir], { encoding: 'utf8' }).split('\n').filter(Boolean).sort();
  return files.map((f) => {
    const buf = execFileSync('cat', [`${dir}/${f}`]);
    const header = buf.subarray(0, 32).toString('latin1').split(/\s+/);
    const [width, height] = [Number(header[1]), Number(header[2])];
    return { width, height, data: buf.subarray(buf.length - width * height * 3) };
  });
}

/** Pixels that are clearly coloured (not grey, not white). */
export function colouredPixels(img: PageImage): number {
  let n = 0;
  for (let i = 0; i < img.data.length; i += 3) {
    const [r, g, b] = [img.data[i]!, img.data[i + 1]!, img.data[i + 2]!];
    if (Math.max(r, g, b) - Math.min(r, g, b) > 50 && b > r) n++;
  }
  return n;
}

/**
 * Pixels of a faint red tint, as a draft's watermark (#c00 at 7 % opacity)
 * leaves them: about 2,000 on each page of a LibreOffice-rendered draft at
 * 30 dpi, and under 300 (edges of red headings) on a final issue's pages.
 */
export function faintRedPixels(img: PageImage): number {
  let n = 0;
  for (let i = 0; i < img.data.length; i += 3) {
    const [r, g, b] = [img.data[i]!, img.data[i + 1]!, img.data[i + 2]!];
    if (r > 235 && r - g >= 6 && r - g <= 40 && Math.abs(g - b) <= 8) n++;
  }
  return n;
}

export function inkedPixels(img: PageImage): number {
  let n = 0;
  for (let i = 0; i < img.data.length; i += 3) if (img.data[i]! + img.data[i + 1]! + img.data[i + 2]! < 600) n++;
  return n;
}

/**
 * The internal links on one page (1-based), in the order of the page's
 * annotations, each with the 1-based page its named destination is on.
 */
export async function pageLinks(
  path: string,
  page: number,
): Promise<Array<{ dest: string; page: number; rect: number[] }>> {
  const { PDFDocument, PDFName, PDFArray, PDFDict } = await import('pdf-lib');
  const doc = await PDFDocument.load(readFileSync(path), { updateMetadata: false });
  const pageOf = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
  const names = new Map<string, number>();
  const tree = (node: import('pdf-lib').PDFDict | undefined): void => {
    if (!node) return;
    const pairs = node.lookupMaybe(PDFName.of('Names'), PDFArray)?.asArray() ?? [];
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      const d = doc.context.lookup(pairs[i + 1]);
      const arr = d instanceof PDFDict ? d.lookup(PDFName.of('D')) : d;
      if (arr instanceof PDFArray)
        names.set(String(pairs[i]).replace(/^\(|\)$/g, ''), pageOf.get(String(arr.get(0))) ?? -1);
    }
    for (const kid of node.lookupMaybe(PDFName.of('Kids'), PDFArray)?.asArray() ?? [])
      tree(doc.context.lookupMaybe(kid, PDFDict));
  };
  tree(doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('Dests'), PDFDict));
  const old = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  for (const [k, v] of old?.entries() ?? []) {
    const d = doc.context.lookup(v);
    const arr = d instanceof PDFDict ? d.lookup(PDFName.of('D')) : d;
    if (arr instanceof PDFArray) names.set(k.decodeText(), pageOf.get(String(arr.get(0))) ?? -1);
  }
  const annots = doc.getPages()[page - 1]!.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? [];
  return annots.flatMap((ref) => {
    const annot = doc.context.lookupMaybe(ref, PDFDict);
    const dest = annot?.get(PDFName.of('Dest'));
    if (!dest) return [];
    const name = dest instanceof PDFName ? dest.decodeText() : String(dest).replace(/^\(|\)$/g, '');
    // Its rectangle [x1, y1, x2, y2] in PDF points, y from the page's foot.
    const rect = (annot?.lookupMaybe(PDFName.of('Rect'), PDFArray)?.asArray() ?? []).map((n) => Number(String(n)));
    return [{ dest: name, page: names.get(name) ?? -1, rect }];
  });
}
