/**
 * A plain PDF (pdf-reader.ts) changed object by object and written out
 * whole (pdf-write.ts). Only the objects changed are parsed again and
 * written from their values; the rest keep their bytes. Parsing and saving
 * the sample's print with pdf-lib cost about 0.3 s; this takes a tenth of
 * that. Pure.
 */
import { readPlainPdf, Ref, type PdfValue, type PlainPdf } from './pdf-reader.js';
import { NotPlain } from './pdf-syntax.js';
import { isStream, writePdf, type Body, type PdfStream } from './pdf-write.js';

export type { PdfStream } from './pdf-write.js';
export type Dict = Map<string, PdfValue>;

const STREAM_START = /[\0\t\n\f\r ]*stream(?:\r\n|\n)/y;
const OBJECT_HEAD = /\s*\d+\s+\d+\s+obj\b/y;
const STREAM_TAIL = /endstream\s*endobj\s*$/;

export class PdfEdit {
  private readonly changed = new Map<number, PdfValue | PdfStream>();
  private readonly removed = new Set<number>();
  private readonly added: Array<PdfValue | PdfStream> = [];
  private readonly bytes: Buffer;
  readonly pdf: PlainPdf;

  constructor(bytes: Uint8Array) {
    this.bytes = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.pdf = readPlainPdf(bytes);
  }

  /** The value `v` names (following a reference); a removed object is undefined. */
  get(v: PdfValue | undefined): PdfValue | undefined {
    if (v instanceof Ref && this.removed.has(v.num)) return undefined;
    const own = v instanceof Ref ? this.changed.get(v.num) : undefined;
    if (own !== undefined && isStream(own)) return own.dict;
    return own ?? this.pdf.resolve(v);
  }

  /** Object `ref`'s parsed value (a stream's dictionary) was changed in place: it is written again. */
  touch(ref: Ref): void {
    if (this.changed.has(ref.num)) return;
    this.changed.set(ref.num, this.isStream(ref) ? this.stream(ref) : (this.pdf.resolve(ref) ?? null));
  }

  set(ref: Ref, value: PdfValue | PdfStream): void {
    this.changed.set(ref.num, value);
  }

  remove(ref: Ref): void {
    this.removed.add(ref.num);
  }

  /** A new object, numbered after every other. */
  add(value: PdfValue): Ref {
    this.added.push(value);
    return new Ref(this.size() + this.added.length - 1, 0);
  }

  /** Whether object `ref` is a stream: the keyword follows its dictionary. */
  isStream(ref: Ref): boolean {
    const own = this.changed.get(ref.num);
    if (own !== undefined) return isStream(own);
    const span = this.pdf.resolve(ref) instanceof Map ? this.pdf.span(ref) : undefined;
    STREAM_START.lastIndex = span?.[1] ?? 0;
    return span !== undefined && STREAM_START.test(this.pdf.text);
  }

  /** Object `ref`'s stream: its dictionary and stored bytes (the ones given to `set`, if any). */
  stream(ref: Ref): PdfStream {
    const own = this.changed.get(ref.num);
    if (own !== undefined && isStream(own)) return own;
    const dict = this.pdf.resolve(ref);
    const span = this.pdf.span(ref);
    const length = this.pdf.resolve(dict instanceof Map ? dict.get('Length') : undefined);
    if (!(dict instanceof Map) || !span || typeof length !== 'number')
      throw new NotPlain(`object ${ref.num} is no stream`);
    STREAM_START.lastIndex = span[1];
    if (!STREAM_START.exec(this.pdf.text)) throw new NotPlain(`object ${ref.num} has no stream keyword`);
    const data = this.bytes.subarray(STREAM_START.lastIndex, STREAM_START.lastIndex + length);
    return { dict, data };
  }

  /** Whether object `ref` as the file wrote it (its bytes, a stream's data included) matches `re`. */
  wrote(ref: Ref, re: RegExp): boolean {
    const i = this.index().get(ref.num);
    if (i === undefined) return false;
    const { objects, xrefAt, text } = this.pdf;
    return re.test(text.slice(objects[i]!.offset, objects[i + 1]?.offset ?? xrefAt));
  }

  private at: Map<number, number> | null = null;
  private index(): Map<number, number> {
    return (this.at ??= new Map(this.pdf.objects.map((o, i) => [o.num, i])));
  }

  /** The objects in use, in the order of the file. */
  refs(): Ref[] {
    return this.pdf.objects.filter((o) => !this.removed.has(o.num)).map((o) => new Ref(o.num, o.gen));
  }

  /** The file with the changes; `trailer` gives the trailer's entries other than Size. */
  write(trailer: Dict): Uint8Array {
    const { objects, xrefAt, text } = this.pdf;
    const bodies: Body[] = [];
    objects.forEach(({ num, gen, offset }, i) => {
      if (this.removed.has(num)) return;
      const own = this.changed.get(num);
      if (own !== undefined) return bodies.push({ num, gen, value: own });
      // An object's bytes run to the next one's (the table gives where each starts).
      const end = objects[i + 1]?.offset ?? xrefAt;
      if (STREAM_TAIL.test(text.slice(Math.max(offset, end - 32), end)))
        return bodies.push({ num, gen, bytes: this.bytes.subarray(offset, end) });
      OBJECT_HEAD.lastIndex = offset;
      if (!OBJECT_HEAD.exec(text)) throw new NotPlain(`object ${num} is not where the table says`);
      const body = text.slice(OBJECT_HEAD.lastIndex, end).replace(/\s*endobj\s*$/, '');
      bodies.push({ num, gen, text: body });
    });
    this.added.forEach((value, i) => bodies.push({ num: this.size() + i, gen: 0, value }));
    // Object and cross-reference streams are PDF 1.5; the header's binary comment line stays.
    const rest = /^%PDF-1\.\d/.test(text) ? text.slice(8, objects[0]?.offset ?? 8) : '\n';
    return writePdf(`%PDF-1.7${rest}`, bodies, trailer, this.size() + this.added.length);
  }

  private size(): number {
    const declared = this.pdf.trailer.get('Size');
    const highest = Math.max(0, ...this.pdf.objects.map((o) => o.num));
    return Math.max(typeof declared === 'number' ? declared : 0, highest + 1);
  }
}
