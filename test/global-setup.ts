import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

/** The newest (or oldest) modification time of the files under dir with the given ending. */
function mtimes(dir: string, ending: string, pick: (a: number, b: number) => number, start: number): number {
  let t = start;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile() && e.name.endsWith(ending)) t = pick(t, statSync(join(e.parentPath, e.name)).mtimeMs);
  return t;
}

/** Whether every file of dist/ was written after the last change to src/ (npm test's setup has just compiled it). */
function distIsFresh(): boolean {
  try {
    return mtimes(join(root, 'dist'), '.js', Math.min, Infinity) > mtimes(join(root, 'src'), '.ts', Math.max, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false; // no dist/ yet
    throw e;
  }
}

/**
 * The end-to-end tests run bin/bulletin.js, which loads dist/: compile it
 * from the current sources and bundle it as the package ships it (bin prefers
 * the bundle), unless that was just done (a compile costs 10-30 s on two cores).
 */
export default function setup(): void {
  if (distIsFresh()) return;
  execFileSync(
    process.execPath,
    [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
    { cwd: root, stdio: 'inherit' },
  );
  execFileSync(process.execPath, [join(root, 'scripts', 'bundle.mjs')], { cwd: root, stdio: 'inherit' });
}
