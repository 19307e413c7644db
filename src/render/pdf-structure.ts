/**
 * Removing the row-marker links from the printed PDF, from the pages and
 * from the structure tree of the tagged file: Chromium tags each link as a
 * Link element whose only kid is an object reference (OBJR) to the
 * annotation, and lists it in the ParentTree under the annotation's
 * StructParent. Left there, PDF checkers and screen readers meet 121
 * references to annotations that are on no page. pdf-lib is passed in by
 * pdf-file.ts, the one module that loads it.
 */
import type { PDFDict, PDFDocument, PDFObject, PDFRef } from 'pdf-lib';

type PdfLib = typeof import('pdf-lib');

export function linkUri(lib: PdfLib, annot: PDFDict): string | undefined {
  return annot
    .lookupMaybe(lib.PDFName.of('A'), lib.PDFDict)
    ?.lookupMaybe(lib.PDFName.of('URI'), lib.PDFString, lib.PDFHexString)
    ?.decodeText();
}

/** Takes the marker links off every page; returns them (reference → the annotation's StructParent key, if any). */
function dropFromPages(lib: PdfLib, doc: PDFDocument, prefix: string): Map<string, number | null> {
  const dropped = new Map<string, number | null>();
  for (const page of doc.getPages()) {
    const annots = page.node.lookupMaybe(lib.PDFName.of('Annots'), lib.PDFArray);
    if (!annots) continue;
    const keep = annots.asArray().filter((ref) => {
      const annot = doc.context.lookupMaybe(ref, lib.PDFDict);
      if (!annot || !linkUri(lib, annot)?.startsWith(prefix)) return true;
      const key = annot.lookupMaybe(lib.PDFName.of('StructParent'), lib.PDFNumber)?.asNumber() ?? null;
      dropped.set(String(ref), key);
      return false;
    });
    if (keep.length === annots.size()) continue;
    if (keep.length === 0) page.node.delete(lib.PDFName.of('Annots'));
    else page.node.set(lib.PDFName.of('Annots'), doc.context.obj(keep));
  }
  return dropped;
}

/**
 * Prunes OBJR kids naming a dropped annotation, and the Link elements left
 * with no kid by that; returns whether `elem` is now empty.
 */
function prune(
  lib: PdfLib,
  doc: PDFDocument,
  elem: PDFDict,
  dropped: Map<string, unknown>,
  gone: Set<string>,
): boolean {
  const K = lib.PDFName.of('K');
  const k = elem.get(K);
  if (!k) return false;
  const kids = k instanceof lib.PDFArray ? k.asArray() : [k];
  const kept = kids.filter((kid) => {
    const node = kid instanceof lib.PDFRef ? doc.context.lookup(kid) : kid;
    if (!(node instanceof lib.PDFDict)) return true; // a marked-content id
    if (node.get(lib.PDFName.of('Type')) === lib.PDFName.of('OBJR'))
      return !dropped.has(String(node.get(lib.PDFName.of('Obj'))));
    // Only the Link goes: an emptied table cell stays, or the row would lose a column for screen readers.
    const remove = prune(lib, doc, node, dropped, gone) && node.get(lib.PDFName.of('S')) === lib.PDFName.of('Link');
    if (remove && kid instanceof lib.PDFRef) gone.add(String(kid));
    return !remove;
  });
  if (kept.length === kids.length) return false;
  if (kept.length === 0) elem.delete(K);
  else elem.set(K, kept.length === 1 && !(k instanceof lib.PDFArray) ? (kept[0] as PDFObject) : doc.context.obj(kept));
  return kept.length === 0;
}

/** Removes ParentTree entries for the dropped annotations' keys and for removed elements. */
function pruneParentTree(
  lib: PdfLib,
  doc: PDFDocument,
  node: PDFDict | undefined,
  keys: Set<number>,
  gone: Set<string>,
) {
  if (!node) return;
  const nums = node.lookupMaybe(lib.PDFName.of('Nums'), lib.PDFArray);
  if (nums) {
    const items = nums.asArray();
    const kept: PDFObject[] = [];
    for (let i = 0; i + 1 < items.length; i += 2) {
      const key = (items[i] as PDFObject).toString();
      const value = items[i + 1] as PDFObject;
      if (keys.has(Number(key)) || gone.has(String(value))) continue;
      kept.push(items[i] as PDFObject, value);
    }
    node.set(lib.PDFName.of('Nums'), doc.context.obj(kept));
  }
  for (const kid of node.lookupMaybe(lib.PDFName.of('Kids'), lib.PDFArray)?.asArray() ?? [])
    pruneParentTree(lib, doc, doc.context.lookupMaybe(kid, lib.PDFDict), keys, gone);
}

/** Removes the links to addresses starting with `prefix`: from the pages, the structure tree and the file. */
export function dropMarkerLinks(lib: PdfLib, doc: PDFDocument, prefix: string): number {
  const dropped = dropFromPages(lib, doc, prefix);
  if (dropped.size === 0) return 0;
  const root = doc.catalog.lookupMaybe(lib.PDFName.of('StructTreeRoot'), lib.PDFDict);
  const gone = new Set<string>();
  if (root) {
    prune(lib, doc, root, dropped, gone);
    const keys = new Set([...dropped.values()].filter((v): v is number => v !== null));
    pruneParentTree(lib, doc, root.lookupMaybe(lib.PDFName.of('ParentTree'), lib.PDFDict), keys, gone);
  }
  // Unreferenced now: leaving them would only keep dead objects in the file.
  for (const ref of doc.context.enumerateIndirectObjects().map(([r]) => r as PDFRef))
    if (dropped.has(String(ref)) || gone.has(String(ref))) doc.context.delete(ref);
  return dropped.size;
}
