/**
 * What decides that dist/ is compiled again, and the type-check run again
 * (scripts/compile.mjs, scripts/checks.mjs): the fingerprint of their input
 * files. It must change with any content, name or added file, and must not
 * change when only the files' times do (a checkout, an incremental compile
 * that leaves outputs untouched: the time comparison it replaced compiled on
 * every run).
 */
import { mkdirSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript build script, without typings
import { fingerprint as untyped } from '../../scripts/fingerprint.mjs';
import { tempDir } from '../helpers/cli.js';

const fingerprint = untyped as (root: string, paths: readonly string[]) => string;

function project(): string {
  const root = tempDir('bulletin-fingerprint-');
  mkdirSync(join(root, 'src', 'render'), { recursive: true });
  writeFileSync(join(root, 'src', 'a.ts'), 'export const a = 1;\n');
  writeFileSync(join(root, 'src', 'render', 'b.ts'), 'export const b = 2;\n');
  writeFileSync(join(root, 'tsconfig.json'), '{}\n');
  return root;
}

const INPUTS = ['src', 'tsconfig.json', 'missing.json'];

describe('the inputs fingerprint', () => {
  it('stays the same when only the files’ times change, and for a copy of the same files elsewhere', () => {
    const root = project();
    const before = fingerprint(root, INPUTS);
    utimesSync(join(root, 'src', 'a.ts'), new Date(2030, 0, 1), new Date(2030, 0, 1));
    expect(fingerprint(root, INPUTS)).toBe(before);
    expect(fingerprint(project(), INPUTS)).toBe(before);
    expect(before).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with a file’s content, a file added to a folder, a renamed file and a path given', () => {
    const root = project();
    const seen = new Set([fingerprint(root, INPUTS)]);
    writeFileSync(join(root, 'src', 'a.ts'), 'export const a = 3;\n');
    seen.add(fingerprint(root, INPUTS));
    writeFileSync(join(root, 'src', 'render', 'c.ts'), '');
    seen.add(fingerprint(root, INPUTS));
    renameSync(join(root, 'src', 'render', 'c.ts'), join(root, 'src', 'render', 'd.ts'));
    seen.add(fingerprint(root, INPUTS));
    writeFileSync(join(root, 'missing.json'), '');
    seen.add(fingerprint(root, INPUTS));
    expect(seen.size).toBe(5);
  });

  it('does not run two files together: the same bytes split otherwise give another fingerprint', () => {
    const root = project();
    writeFileSync(join(root, 'src', 'a.ts'), 'ab');
    writeFileSync(join(root, 'src', 'render', 'b.ts'), 'c');
    const first = fingerprint(root, INPUTS);
    writeFileSync(join(root, 'src', 'a.ts'), 'a');
    writeFileSync(join(root, 'src', 'render', 'b.ts'), 'bc');
    expect(fingerprint(root, INPUTS)).not.toBe(first);
  });
});
