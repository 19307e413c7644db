import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
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
  for (const [path, entry] of Object.entries(lock.packages))
    if (path.startsWith('node_modules/') && !entry.dev) packages[path] = entry;
  const project = { name: 'try-bulletin', private: true, dependencies: { [pkg.name]: spec } };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(project, null, 2));
  writeFileSync(
    join(dir, 'package-lock.json'),
    JSON.stringify({ name: 'try-bulletin', lockfileVersion: 3, requires: true, packages }, null, 2),
  );
}
