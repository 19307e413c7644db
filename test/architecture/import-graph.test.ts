/**
 * The module graph of src/ has no cycle (a cycle is how layers start to blur),
 * and the README's Layout section lists exactly the folders under src/.
 * Read from the sources with the TypeScript scanner's view of imports: static
 * `import`/`export ... from` and dynamic `import('...')` alike.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const src = join(root, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)]
    .map((m) => (m[1] ?? m[2]) as string)
    .map((spec) => resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
}

function findCycle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

describe('architecture', () => {
  const files = sourceFiles(src);
  const graph = new Map(files.map((f) => [f, importsOf(f).filter((t) => files.includes(t))]));

  it('reads the imports it checks (the scanner is not blind)', () => {
    const cli = graph.get(join(src, 'cli', 'run-cli.ts')) ?? [];
    expect(cli.length).toBeGreaterThan(2);
    expect(
      findCycle(
        new Map([
          ['a', ['b']],
          ['b', ['a']],
        ]),
      ),
    ).toEqual(['a', 'b', 'a']);
  });

  it('has no import cycle in src/ (static or dynamic imports)', () => {
    const cycle = findCycle(graph);
    expect(cycle?.map((f) => relative(root, f)) ?? null).toBeNull();
  });

  it("README's Layout section names every folder of src/ and no other", () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const layout = readme.slice(readme.indexOf('## Layout'));
    const block = layout.slice(layout.indexOf('```'), layout.indexOf('```', layout.indexOf('```') + 3));
    const named = [...block.matchAll(/^src\/([\w-]+)\//gm)].map((m) => m[1]).sort();
    const actual = readdirSync(src)
      .filter((n) => statSync(join(src, n)).isDirectory() && n !== 'types')
      .sort();
    expect(named).toEqual(actual);
  });
});
