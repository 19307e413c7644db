/**
 * Removing the row-marker links from the printed PDF, from the pages and
 * from the structure tree of the tagged file: Chromium tags each link as a
 * Link element whose only kid is an object reference (OBJR) to the
 * annotation, and lists it in the ParentTree under the annotation's
 * StructParent. Left there, PDF checkers and screen readers meet 121
 * references to annotations that are on no page.
 */
import type { Dict, PdfEdit } from './pdf-edit.js';
import { arrayOrNone, dictOrNone, stringOrNone } from './pdf-layout.js';
import { Ref, Token, type PdfValue } from './pdf-reader.js';

const isName = (v: PdfValue | undefined, name: string): boolean =>
  v instanceof Token && v.kind === 'name' && v.raw === name;

/** The annotation's link address, if it is a URI link. */
export const linkUri = (edit: PdfEdit, annot: Dict): string | undefined =>
  stringOrNone(edit.get(dictOrNone(edit.get(annot.get('A')))?.get('URI')));

/** Takes the marker links off every page; returns them (reference → the annotation's StructParent key, if any). */
function dropFromPages(edit: PdfEdit, pages: ReadonlyArray<{ ref: Ref; node: Dict }>, prefix: string) {
  const dropped = new Map<string, number | null>();
  for (const page of pages) {
    const held = page.node.get('Annots');
    const annots = arrayOrNone(edit.get(held));
    if (!annots) continue;
    const keep = annots.filter((ref) => {
      const annot = dictOrNone(edit.get(ref));
      if (!annot || !linkUri(edit, annot)?.startsWith(prefix)) return true;
      const key = edit.get(annot.get('StructParent'));
      dropped.set(String(ref), typeof key === 'number' ? key : null);
      return false;
    });
    if (keep.length === annots.length) continue;
    if (keep.length > 0 && held instanceof Ref) edit.set(held, keep);
    else if (keep.length > 0) page.node.set('Annots', keep);
    else page.node.delete('Annots');
    edit.touch(page.ref);
  }
  return dropped;
}

/**
 * Prunes OBJR kids naming a dropped annotation, and the Link elements left
 * with no kid by that; returns whether `elem` (held in object `owner`) is
 * now empty.
 */
function prune(edit: PdfEdit, elem: Dict, owner: Ref, dropped: Map<string, unknown>, gone: Set<string>): boolean {
  const k = elem.get('K');
  if (k === undefined) return false;
  const resolved = k instanceof Ref ? edit.get(k) : k;
  const list = Array.isArray(resolved) ? resolved : undefined;
  const kids = list ?? [k];
  const kept = kids.filter((kid) => {
    const node = kid instanceof Ref ? edit.get(kid) : kid;
    if (!(node instanceof Map)) return true; // a marked-content id
    if (isName(node.get('Type'), 'OBJR')) return !dropped.has(String(node.get('Obj')));
    // Only the Link goes: an emptied table cell stays, or the row would lose a column for screen readers.
    const remove = prune(edit, node, kid instanceof Ref ? kid : owner, dropped, gone) && isName(node.get('S'), 'Link');
    if (remove && kid instanceof Ref) gone.add(String(kid));
    return !remove;
  });
  if (kept.length === kids.length) return false;
  if (kept.length > 0 && list && k instanceof Ref) edit.set(k, kept);
  else {
    if (kept.length === 0) elem.delete('K');
    else elem.set('K', kept.length === 1 && !list ? (kept[0] as PdfValue) : kept);
    edit.touch(owner);
  }
  return kept.length === 0;
}

/** Removes ParentTree entries for the dropped annotations' keys and for removed elements; `owner` holds `value`. */
function pruneParentTree(edit: PdfEdit, value: PdfValue | undefined, owner: Ref, keys: Set<number>, gone: Set<string>) {
  const node = dictOrNone(edit.get(value));
  if (!node) return;
  const self = value instanceof Ref ? value : owner;
  const held = node.get('Nums');
  const items = arrayOrNone(edit.get(held));
  const kept: PdfValue[] = [];
  for (let i = 0; i + 1 < (items?.length ?? 0); i += 2) {
    const [key, entry] = [items?.[i] as PdfValue, items?.[i + 1] as PdfValue];
    if ((typeof key === 'number' && keys.has(key)) || gone.has(String(entry))) continue;
    kept.push(key, entry);
  }
  if (items && kept.length < items.length) {
    if (held instanceof Ref) edit.set(held, kept);
    else {
      node.set('Nums', kept);
      edit.touch(self);
    }
  }
  for (const kid of arrayOrNone(edit.get(node.get('Kids'))) ?? []) pruneParentTree(edit, kid, self, keys, gone);
}

/** Removes the links to addresses starting with `prefix`: from the pages, the structure tree and the file. */
export function dropMarkerLinks(
  edit: PdfEdit,
  catalog: Dict,
  pages: ReadonlyArray<{ ref: Ref; node: Dict }>,
  prefix: string,
): number {
  const dropped = dropFromPages(edit, pages, prefix);
  if (dropped.size === 0) return 0;
  const rootRef = catalog.get('StructTreeRoot');
  const root = dictOrNone(edit.get(rootRef));
  const gone = new Set<string>();
  if (root && rootRef instanceof Ref) {
    prune(edit, root, rootRef, dropped, gone);
    const keys = new Set([...dropped.values()].filter((v): v is number => v !== null));
    pruneParentTree(edit, root.get('ParentTree'), rootRef, keys, gone);
  }
  // Unreferenced now: leaving them would only keep dead objects in the file.
  for (const ref of edit.refs()) if (dropped.has(String(ref)) || gone.has(String(ref))) edit.remove(ref);
  return dropped.size;
}
