import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

interface LockEntry {
  dev?: boolean;
  [key: string]: unknown;
}

/**
 * An empty project that depends on the packed tarball, with a lockfile
 * whose dependency entries are copied from this repository's lockfile.
 *
 * Why the lockfile: `npm ci` caches the tarballs it installs but not the
 * registry's package documents, and resolving a tarball's dependencies
 * without a lockfile needs those documents, so `npm install --offline
 * x.tgz` alone fails with ENOTCACHED on a machine whose cache only `npm ci`
 * filled (a fresh CI runner). With the lockfile, npm installs every
 * dependency from the cached tarballs, exactly the versions we test with.
 */
/** The lockfile's packages a user's install gets: everything under node_modules/ but the development tools. */
function productionPaths(packages: Record<string, LockEntry>): string[] {
  return Object.keys(packages).filter((path) => path.startsWith('node_modules/') && !packages[path]!.dev);
}

export function writeUserProject(dir: string, root: string, tarball: string): void {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown> & {
    name: string;
    version: string;
  };
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const spec = `file:${tarball}`;
  const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
  const packages: Record<string, unknown> = { '': { name: 'try-bulletin', dependencies: { [pkg.name]: spec } } };
  packages[`node_modules/${pkg.name}`] = {
    version: pkg.version,
    resolved: spec,
    integrity,
    license: pkg.license,
    dependencies: pkg.dependencies,
    bin: pkg.bin,
    engines: pkg.engines,
  };
  for (const path of productionPaths(lock.packages)) packages[path] = lock.packages[path]!;
  const project = { name: 'try-bulletin', private: true, dependencies: { [pkg.name]: spec } };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(project, null, 2));
  writeFileSync(
    join(dir, 'package-lock.json'),
    JSON.stringify({ name: 'try-bulletin', lockfileVersion: 3, requires: true, packages }, null, 2),
  );
}

/** `dst` as a tree of hard links to `src`'s files, or copies where they are on different file systems. */
function linkTree(src: string, dst: string): void {
  mkdirSync(dst, { recursive: true });
  for (const e of readdirSync(src, { withFileTypes: true })) {
    const [from, to] = [join(src, e.name), join(dst, e.name)];
    if (e.isDirectory()) linkTree(from, to);
    else if (e.isSymbolicLink()) symlinkSync(readlinkSync(from), to);
    else
      try {
        linkSync(from, to);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
        copyFileSync(from, to);
      }
  }
}

/**
 * Puts into dir/node_modules the production packages of this repository's
 * lockfile, as `npm ci` installed them here (hard links: npm extracts into new
 * folders and never writes into an installed file, and nothing else writes
 * there), so that `npm install` finds them in place and only unpacks the
 * package under test. Unpacking the 270 dependencies again (446 MB, 24,000
 * files, most of it @fontsource) cost 19 s of CPU and tested npm, not this
 * package. Nested entries come with their parent folder; optional packages for
 * other platforms are not installed here and are left to npm.
 */
export function placeDependencies(dir: string, root: string): void {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  for (const path of productionPaths(lock.packages))
    if (!path.slice('node_modules/'.length).includes('/node_modules/') && existsSync(join(root, path)))
      linkTree(join(root, path), join(dir, path));
}
