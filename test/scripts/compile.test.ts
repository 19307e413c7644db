/**
 * When dist/ is compiled (scripts/compile.mjs): when what it is made from
 * changed since the recorded compile, or always for `npm run build`, which
 * records it too, so the next `npm test` does not compile again. The
 * compiler and bundler are a fake here: each step is recorded and the
 * bundle's mark written as the real bundle.mjs writes it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript build script, without typings
import { compileIfChanged as untyped } from '../../scripts/compile.mjs';
import { tempDir } from '../helpers/cli.js';

type Compile = (
  say: (msg: string) => void,
  opts: { always?: boolean; root: string; run: (args: string[]) => void },
) => boolean;
const compileIfChanged = untyped as Compile;

/** A project with a source file, and a fake compile that writes the bundle's mark (or fails at `failAt`). */
function project() {
  const root = tempDir('bulletin-compile-');
  mkdirSync(join(root, 'src'), { recursive: true });
  writeFileSync(join(root, 'src', 'a.ts'), 'export const a = 1;\n');
  const steps: string[] = [];
  const compile = (always = false, failAt?: string) =>
    compileIfChanged(() => undefined, {
      always,
      root,
      run: (args) => {
        const step = args.some((a) => a.endsWith('bundle.mjs')) ? 'bundle' : 'tsc';
        if (step === failAt) throw new Error(`${step} failed`);
        steps.push(step);
        if (step === 'bundle') {
          mkdirSync(join(root, 'dist', 'bundle'), { recursive: true });
          writeFileSync(join(root, 'dist', 'bundle', 'code-identity.txt'), 'x\n');
        }
      },
    });
  return { root, steps, compile };
}

describe('compiling dist/', () => {
  it('compiles once, then not again until a source changes', () => {
    const p = project();
    expect(p.compile()).toBe(true);
    expect(p.steps).toEqual(['tsc', 'bundle']);
    expect(p.compile()).toBe(false);
    writeFileSync(join(p.root, 'src', 'a.ts'), 'export const a = 2;\n');
    expect(p.compile()).toBe(true);
    expect(p.steps).toEqual(['tsc', 'bundle', 'tsc', 'bundle']);
  });

  it('with --always (npm run build) compiles although nothing changed, and records it for the next run', () => {
    const p = project();
    p.compile();
    expect(p.compile(true)).toBe(true);
    expect(p.steps).toHaveLength(4);
    expect(p.compile()).toBe(false);
    expect(p.steps).toHaveLength(4);
  });

  it('forgets the recorded compile when a step fails, so the next run compiles again', () => {
    const p = project();
    p.compile();
    expect(() => p.compile(true, 'bundle')).toThrow('bundle failed');
    expect(p.compile()).toBe(true);
    expect(p.steps).toEqual(['tsc', 'bundle', 'tsc', 'tsc', 'bundle']);
  });
});
