// The SHA-256 of a set of files, names and contents, in name order: what a check or a
// compile ran on, recorded so that the next run can tell that nothing changed since
// (by content, not by time: a checkout or an incremental compile changes times only).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

function filesOf(root, path) {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  try {
    return readdirSync(full, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile())
      .map((e) => relative(root, join(e.parentPath, e.name)));
  } catch (e) {
    if (e.code === 'ENOTDIR') return [path];
    throw e;
  }
}

/** The fingerprint of `paths` (files, or folders taken whole) under `root`. */
export function fingerprint(root, paths) {
  const hash = createHash('sha256');
  for (const file of paths.flatMap((p) => filesOf(root, p)).sort()) {
    const bytes = readFileSync(join(root, file));
    hash.update(`${file}\n${bytes.length}\n`).update(bytes);
  }
  return hash.digest('hex');
}
