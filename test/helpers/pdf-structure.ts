import { execFileSync } from 'node:child_process';

type Value = string | number | boolean | null | Value[] | { [k: string]: Value };

/** A second opinion on a PDF's objects, from qpdf rather than the pdf-lib that wrote them. */
export function pdfObjects(path: string): Map<string, Value> {
  const json = JSON.parse(
    execFileSync('qpdf', ['--json=2', '--json-key=qpdf', path], { encoding: 'utf8', maxBuffer: 1 << 28 }),
  ) as { qpdf: [unknown, Record<string, { value?: Value; stream?: { dict: Value } }>] };
  const out = new Map<string, Value>();
  for (const [key, obj] of Object.entries(json.qpdf[1]))
    if (key.startsWith('obj:')) out.set(key.slice(4), obj.value ?? obj.stream?.dict ?? null);
  return out;
}

export interface StructureReport {
  /** OBJR kids whose /Obj is not an annotation listed on its page /Pg. */
  danglingObjr: string[];
  /** Structure elements with no kid at all. */
  emptyElements: number;
  /** ParentTree values that name no object. */
  danglingParentTree: string[];
  links: number;
  elements: number;
}

const isRef = (v: Value): v is string => typeof v === 'string' && / 0 R$/.test(v);

/** Walks the structure tree from the catalog's StructTreeRoot. */
export function structureReport(path: string): StructureReport {
  const objs = pdfObjects(path);
  const deref = (v: Value): Value => (isRef(v) ? (objs.get(v) ?? null) : v);
  const dict = (v: Value): Record<string, Value> | null => {
    const d = deref(v);
    return d && typeof d === 'object' && !Array.isArray(d) ? d : null;
  };
  const trailerRoot = [...objs.values()].map(dict).find((d) => d?.['/Type'] === '/Catalog');
  const root = dict(trailerRoot?.['/StructTreeRoot'] ?? null);
  const report: StructureReport = { danglingObjr: [], emptyElements: 0, danglingParentTree: [], links: 0, elements: 0 };
  const walk = (v: Value): void => {
    const kids = deref(v);
    for (const kid of Array.isArray(kids) ? kids : [kids]) {
      const d = dict(kid);
      if (!d) continue;
      if (d['/Type'] === '/OBJR') {
        const annots = deref(dict(d['/Pg'] ?? null)?.['/Annots'] ?? null);
        if (!Array.isArray(annots) || !annots.includes(d['/Obj'] as Value)) report.danglingObjr.push(String(d['/Obj']));
        continue;
      }
      report.elements += 1;
      if (d['/S'] === '/Link') report.links += 1;
      if (d['/K'] === undefined) report.emptyElements += 1;
      else walk(d['/K']);
    }
  };
  walk(root?.['/K'] ?? null);
  const tree = (node: Record<string, Value> | null): void => {
    const nums = deref(node?.['/Nums'] ?? null);
    if (Array.isArray(nums))
      for (let i = 1; i < nums.length; i += 2) {
        const values = deref(nums[i] as Value);
        for (const v of Array.isArray(values) ? values : [values])
          if (isRef(v) && !objs.has(v)) report.danglingParentTree.push(v);
      }
    const kids = deref(node?.['/Kids'] ?? null);
    if (Array.isArray(kids)) for (const k of kids) tree(dict(k));
  };
  tree(dict(root?.['/ParentTree'] ?? null));
  return report;
}
