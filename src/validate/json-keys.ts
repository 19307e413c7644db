/**
 * Keys written twice in one JSON object. JSON.parse keeps the last silently,
 * so an issue.json with "number": 3 and, further down, "number": 4 printed
 * 第4期 with nobody told. Run on text JSON.parse accepted: only strings,
 * braces, brackets, colons and commas need telling apart.
 */
export interface DuplicateKey {
  /** The key, with the keys of the objects it is in: `notice`, `a.b`. */
  path: string;
  /** 0-based index of the second (or later) occurrence in the text. */
  index: number;
}

interface Frame {
  object: boolean;
  keys: Set<string>;
  /** The next string in this object is a key (after `{` or `,`). */
  expectKey: boolean;
  /** The key this object or array is the value of, for the path. */
  path: string;
}

/** The end (exclusive) of the string starting with the quote at `start`. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}

export function duplicateKeys(text: string): DuplicateKey[] {
  const out: DuplicateKey[] = [];
  const stack: Frame[] = [];
  let lastKey = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const top = stack.at(-1);
    if (c === '"') {
      const end = stringEnd(text, i);
      if (top?.object && top.expectKey) {
        const key = JSON.parse(text.slice(i, end)) as string;
        const path = top.path ? `${top.path}.${key}` : key;
        if (top.keys.has(key)) out.push({ path, index: i });
        top.keys.add(key);
        top.expectKey = false;
        lastKey = path;
      }
      i = end - 1;
    } else if (c === '{' || c === '[') {
      const path = top?.object ? lastKey : (top?.path ?? '');
      stack.push({ object: c === '{', keys: new Set(), expectKey: c === '{', path });
    } else if (c === '}' || c === ']') stack.pop();
    else if (c === ',' && top?.object) top.expectKey = true;
  }
  return out;
}
