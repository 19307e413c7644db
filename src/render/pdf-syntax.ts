/**
 * PDF's object syntax (7.3) as the plain files Chromium writes use it: the
 * values of pdf-reader.ts, parsed from a file held as one character a byte
 * and written back (serialize). Strings and names stay as written
 * (pdf-text.ts decodes them). Pure.
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

export class Parser {
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
      // Kept as written, #xx codes included (pdf-text.ts decodes them): keys are compared as written.
      return new Token('name', this.word());
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

/** A number as PDF writes it: no exponent, no trailing zeros. */
function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new NotPlain(`a number PDF cannot hold: ${n}`);
  return Number.isInteger(n) ? String(n) : n.toFixed(10).replace(/\.?0+$/, '');
}

/** A value in PDF syntax; strings and names as they were written. */
export function serialize(v: PdfValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return numberText(v);
  if (v instanceof Ref) return `${v.num} ${v.gen} R`;
  if (v instanceof Token) return v.kind === 'name' ? `/${v.raw}` : v.kind === 'hex' ? `<${v.raw}>` : `(${v.raw})`;
  if (Array.isArray(v)) return `[${v.map(serialize).join(' ')}]`;
  return `<<${[...v].map(([k, x]) => `/${k} ${serialize(x)}`).join('\n')}>>`;
}
