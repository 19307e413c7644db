import { execFileSync } from 'node:child_process';

export function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
}

/** Extracted text with all whitespace removed, so sentences broken across lines still match. */
export function pdfTextCompact(path: string): string {
  return pdfText(path).replace(/\s+/g, '');
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

export function pdfFonts(path: string): PdfFont[] {
  const lines = execFileSync('pdffonts', [path], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return lines.map((line) => {
    const m = /^(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line);
    if (!m) throw new Error(`cannot parse pdffonts line: ${line}`);
    return { name: m[1]!, type: m[2]!.trim(), embedded: m[4] === 'yes', subset: m[5] === 'yes', unicode: m[6] === 'yes' };
  });
}

export function pdfInfo(path: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
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
