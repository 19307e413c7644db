import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * CLI tests run bin/bulletin.js, which loads dist/: compile it from the current
 * sources first, then bundle it as the package ships it (bin prefers the bundle).
 */
export default function setup(): void {
  const root = join(import.meta.dirname, '..');
  execFileSync(
    process.execPath,
    [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
    { cwd: root, stdio: 'inherit' },
  );
  execFileSync(process.execPath, [join(root, 'scripts', 'bundle.mjs')], { cwd: root, stdio: 'inherit' });
}
