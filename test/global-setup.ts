import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

/**
 * The end-to-end tests run bin/bulletin.js, which loads dist/: compile it from
 * the current sources and bundle it as the package ships it (bin prefers the
 * bundle), unless dist/ was compiled from exactly these inputs (npm test's setup
 * has just done it; scripts/compile.mjs keeps their fingerprint).
 */
export default function setup(): void {
  execFileSync(process.execPath, [join(root, 'scripts', 'compile.mjs')], { cwd: root, stdio: 'inherit' });
}
