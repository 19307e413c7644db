/**
 * A small reader for the prints Chromium makes: a classic cross-reference
 * table and plain objects (Skia compresses only the streams). Measuring a
 * layout needs the pages, their link annotations and the outline, a few
 * hundred of the file's thousands of objects; pdf-lib parses all of them
 * (about 0.2 s of CPU for the sample's print, on every measuring pass).
 * Objects are parsed when first looked up. A file this reader does not
 * expect (a cross-reference stream, an update appended, anything it cannot
 * parse) makes it give up, and the caller reads the file with pdf-lib.
 */

/** A name, a string (its raw text, escapes as written) or a hex string (its digits), decoded by the caller. */
export class Token {
  constructor(readonly kind: 'name' | 'string' | 'hex', readonly raw: string) {} // prettier-ignore
}

/** A reference, named as pdf-lib's PDFRef names one ("12 0 R"). */
export class Ref {
  constructor(readonly num: number, readonly gen: number) {} // prettier-ignore
  toString = (): string => `${this.num} ${this.gen} R`;
}

export type PdfValue = number | boolean | null | Token | Ref | PdfValue[] | Map<string, PdfValue>;

/** The reader gave up: the file is not laid out as it expects. */
export class NotPlain extends Error {}

const SPACE = /(?:[\0\t\n\f\r ]+|%[^\n\r]*)*/y;
const WORD = /[^\0\t\n\f\r ()<>[\]{}/%]*/y;

class Parser {
  constructor(
    private readonly s: string,
    public at: number,
  ) {}

  private match(re: RegExp): string {
    re.lastIndex = this.at;
    const found = (re.exec(this.s) as RegExpExecArray)[0];
    this.at += found.length;
    return found;
  }

  private skip = (): void => void this.match(SPACE);
  private word = (): string => this.match(WORD);

  keyword(): string {
    this.skip();
    return this.word();
  }

  peek(): string {
    const [at, w] = [this.at, this.keyword()];
    this.at = at;
    return w;
  }

  expect(word: string): void {
    this.skip();
    if (this.word() !== word) throw new NotPlain(`expected ${word} at ${this.at}`);
  }

  int(): number {
    this.skip();
    const w = this.word();
    if (!/^\d+$/.test(w)) throw new NotPlain(`expected an integer at ${this.at}`);
    return Number(w);
  }

  value(): PdfValue {
    this.skip();
    const c = this.s[this.at];
    if (c === '<' && this.s[this.at + 1] === '<') return this.dict();
    if (c === '<') return this.hex();
    if (c === '(') return this.string();
    if (c === '[') return this.array();
    if (c === '/') {
      this.at++;
      const name = this.word();
      // An escaped name (#xx) is left to pdf-lib rather than decoded here.
      if (name.includes('#')) throw new NotPlain(`an escaped name at ${this.at}`);
      return new Token('name', name);
    }
    const w = this.word();
    if (w === 'true' || w === 'false') return w === 'true';
    if (w === 'null') return null;
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(w)) throw new NotPlain(`unexpected ${c ?? 'end'} at ${this.at}`);
    // "n g R" is a reference; anything else after a number is left for the next value.
    const back = this.at;
    if (/^\d+$/.test(w)) {
      const gen = this.keyword();
      if (/^\d+$/.test(gen) && this.keyword() === 'R') return new Ref(Number(w), Number(gen));
    }
    this.at = back;
    return Number(w);
  }

  private hex(): Token {
    const end = this.s.indexOf('>', this.at);
    if (end < 0) throw new NotPlain('unterminated hex string');
    const token = new Token('hex', this.s.slice(this.at + 1, end));
    this.at = end + 1;
    return token;
  }

  /** A literal string as pdf-lib's parser keeps it: the text between the outer parentheses, escapes unread. */
  private string(): Token {
    let depth = 0;
    let escaped = false;
    const start = this.at;
    for (; this.at < this.s.length; this.at++) {
      const c = this.s[this.at];
      if (!escaped && c === '(') depth++;
      if (!escaped && c === ')' && --depth === 0) {
        this.at++;
        return new Token('string', this.s.slice(start + 1, this.at - 1));
      }
      escaped = !escaped && c === '\\';
    }
    throw new NotPlain('unterminated string');
  }

  private array(): PdfValue[] {
    this.at++;
    const out: PdfValue[] = [];
    for (this.skip(); this.s[this.at] !== ']'; this.skip()) {
      if (this.at >= this.s.length) throw new NotPlain('unterminated array');
      out.push(this.value());
    }
    this.at++;
    return out;
  }

  private dict(): Map<string, PdfValue> {
    this.at += 2;
    const out = new Map<string, PdfValue>();
    for (this.skip(); !this.s.startsWith('>>', this.at); this.skip()) {
      const key = this.value();
      if (!(key instanceof Token) || key.kind !== 'name') throw new NotPlain(`a key that is not a name at ${this.at}`);
      out.set(key.raw, this.value());
    }
    this.at += 2;
    return out;
  }
}

/** The file's objects by number, parsed on first use, and its trailer. */
export interface PlainPdf {
  trailer: Map<string, PdfValue>;
  /** The value, following a reference (undefined for an object the table does not have). */
  resolve(v: PdfValue | undefined): PdfValue | undefined;
  /** Where an object resolved before starts ("n g obj") and where its value ends (before "endobj"). */
  span(ref: Ref): [start: number, end: number] | undefined;
}

/** Reads the cross-reference table at the end of `bytes`; throws NotPlain for any other kind of file. */
export function readPlainPdf(bytes: Uint8Array): PlainPdf {
  const s = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(s.slice(-64));
  if (!m) throw new NotPlain('no startxref at the end');
  const p = new Parser(s, Number(m[1]));
  p.expect('xref');
  const offsets = new Map<number, number>();
  while (p.peek() !== 'trailer') {
    const first = p.int();
    const count = p.int();
    for (let i = 0; i < count; i++) {
      const offset = p.int();
      p.int();
      const kind = p.keyword();
      if (kind === 'n') offsets.set(first + i, offset);
      else if (kind !== 'f') throw new NotPlain(`a cross-reference entry of kind ${kind}`);
    }
  }
  p.expect('trailer');
  const trailer = p.value();
  if (!(trailer instanceof Map) || trailer.has('Prev') || trailer.has('XRefStm')) throw new NotPlain('an updated file');
  const objects = new Map<number, PdfValue>();
  const ends = new Map<number, number>();
  const resolve = (v: PdfValue | undefined): PdfValue | undefined => {
    if (!(v instanceof Ref)) return v;
    if (objects.has(v.num)) return objects.get(v.num);
    const at = offsets.get(v.num);
    if (at === undefined) return undefined;
    const q = new Parser(s, at);
    if (q.int() !== v.num || q.int() !== v.gen) throw new NotPlain(`object ${v.num} is not where the table says`);
    q.expect('obj');
    const value = q.value();
    objects.set(v.num, value);
    ends.set(v.num, q.at);
    return value;
  };
  const span = (ref: Ref): [number, number] | undefined => {
    const [start, end] = [offsets.get(ref.num), ends.get(ref.num)];
    return start === undefined || end === undefined ? undefined : [start, end];
  };
  return { trailer, resolve, span };
}
