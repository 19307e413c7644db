/**
 * Chromium names destinations after DOM node numbers, which depend on how
 * many layout passes the page went through; renumbered in document order,
 * two builds from the same inputs give the same bytes.
 */
import type { PdfEdit } from './pdf-edit.js';
import { Ref, Token, type PdfValue } from './pdf-reader.js';
import { tokenText } from './pdf-text.js';

const NODE_NAME = /^node(\d+)$/;
const MAY_NAME = /node|6e6f6465|006e006f00640065/i;

/** Where a `nodeNNNN` string sits: the dictionary or array holding it, the key or index, its number and object. */
interface NodeName {
  holder: Map<string, PdfValue> | PdfValue[];
  at: string | number;
  n: number;
  owner: Ref;
}

/** Every `nodeNNNN` string in the document's objects (stream dictionaries included), in one walk. */
function nodeNames(edit: PdfEdit): NodeName[] {
  const out: NodeName[] = [];
  const visit = (v: PdfValue | undefined, owner: Ref): void => {
    const check = (x: PdfValue, holder: NodeName['holder'], at: string | number) => {
      const m = x instanceof Token && x.kind !== 'name' ? NODE_NAME.exec(tokenText(x)) : null;
      if (m) out.push({ holder, at, n: Number(m[1]), owner });
      else visit(x, owner);
    };
    if (v instanceof Map) for (const [k, x] of v) check(x, v, k);
    else if (Array.isArray(v)) v.forEach((x, i) => check(x, v, i));
  };
  // Only objects that spell "node" somewhere are parsed: as written, in hex, or in UTF-16 hex (a
  // tenth of the sample's 3,000).
  for (const ref of edit.refs()) if (edit.wrote(ref, MAY_NAME)) visit(edit.get(ref), ref);
  return out;
}

/** Chromium's `nodeNNNN` names, renumbered 1, 2, 3… in their own order (keeps name trees sorted). */
export function renumberNodeNames(edit: PdfEdit): void {
  const found = nodeNames(edit);
  const rank = new Map([...new Set(found.map((f) => f.n))].sort((a, b) => a - b).map((n, i) => [n, i + 1]));
  for (const { holder, at, n, owner } of found) {
    const to = new Token('string', `node${String(rank.get(n)).padStart(8, '0')}`);
    if (holder instanceof Map) holder.set(at as string, to);
    else holder[at as number] = to;
    edit.touch(owner);
  }
}
