/**
 * The accepted records' manufacturers, handed from the checking thread to
 * the reading thread to be counted there (checker-thread.ts): each batch's
 * names as UTF-16 code units in one typed array, with where each ends and
 * its region slot (~slot for a name still to be folded). Typed arrays cross by transfer and make no garbage for
 * the checking thread to collect (with an array of a batch's name strings,
 * which outlives young collections, one profile showed twice its time in
 * the collector).
 */
import type { NameCounter, UnitsNameCounter } from '../aggregate/stats-accumulator.js';

export interface HandedNames {
  chars: Uint16Array;
  /** Where name i ends in `chars` (it starts where name i - 1 ends). */
  ends: Int32Array;
  slots: Int32Array;
}

/** The checking thread's side: counts nothing, keeps the names until `take`. */
export class NameOutbox implements NameCounter {
  readonly size = 0;
  private chars = new Uint16Array(1 << 15);
  private used = 0;
  private ends = new Int32Array(1 << 12);
  private slots = new Int32Array(1 << 12);
  private n = 0;

  inRegion(): number {
    return 0;
  }

  /** Kept as fold() makes it when that only lowers A–Z (the usual name), else as it is, its slot as ~slot. */
  add(name: string, slot: number): void {
    if (this.n === this.ends.length) {
      this.ends = grown(this.ends, this.n * 2);
      this.slots = grown(this.slots, this.n * 2);
    }
    if (this.used + name.length > this.chars.length)
      this.chars = grown(this.chars, Math.max(this.chars.length * 2, this.used + name.length));
    let folded = true;
    for (let k = 0; k < name.length; k++) {
      const c = name.charCodeAt(k);
      // fold() of printable ASCII and CJK ideographs only lowers A–Z (text.ts); any other character, it is folded there.
      if (!((c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff))) folded = false;
      this.chars[this.used + k] = c >= 65 && c <= 90 ? c + 32 : c;
    }
    if (!folded) for (let k = 0; k < name.length; k++) this.chars[this.used + k] = name.charCodeAt(k);
    this.used += name.length;
    this.ends[this.n] = this.used;
    this.slots[this.n] = folded ? slot : ~slot;
    this.n++;
  }

  /** The names since the last take, in arrays of their own (to transfer); the outbox starts empty. */
  take(): HandedNames {
    const out = {
      chars: this.chars.slice(0, this.used),
      ends: this.ends.slice(0, this.n),
      slots: this.slots.slice(0, this.n),
    };
    this.used = 0;
    this.n = 0;
    return out;
  }
}

/** Code units to apply to String.fromCharCode at once (far below any engine's argument limit). */
const CHUNK = 8192;

/**
 * The reading thread's side: each handed name counted into `into` in order, a folded one from its
 * code units (no string), any other as the same string, to be folded there.
 */
export function countHanded(h: HandedNames, into: UnitsNameCounter): void {
  let start = 0;
  for (let i = 0; i < h.ends.length; i++) {
    const end = h.ends[i]!;
    const slot = h.slots[i]!;
    if (slot >= 0) into.addFolded(h.chars, start, end, slot);
    else {
      let name = '';
      // fromCharCode keeps every code unit as it was (a lone surrogate too, which a UTF-16 decoder would replace).
      for (let at = start; at < end; at += CHUNK)
        name += String.fromCharCode.apply(null, h.chars.subarray(at, Math.min(end, at + CHUNK)) as unknown as number[]);
      into.add(name, ~slot);
    }
    start = end;
  }
}

function grown<T extends Uint16Array | Int32Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}
