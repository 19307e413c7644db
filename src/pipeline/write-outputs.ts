/**
 * Outputs appear all at once or not at all. Each file is first written to a
 * temporary name in the target folder; only when every one is written are
 * they moved into place, earlier versions set aside until the last move
 * succeeded and put back if one fails. A failed build leaves earlier
 * outputs as they were.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface OutputFile {
  name: string;
  data: string | Uint8Array;
}

interface Move {
  tmp: string;
  final: string;
  backup: string;
  hadOld: boolean;
  placed: boolean;
}

async function setAside(m: Move): Promise<void> {
  try {
    await rename(m.final, m.backup);
    m.hadOld = true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}

async function rollBack(moves: readonly Move[]): Promise<void> {
  for (const m of [...moves].reverse()) {
    if (m.placed) await rm(m.final, { force: true, recursive: true });
    if (m.hadOld) await rename(m.backup, m.final);
    await rm(m.tmp, { force: true });
  }
}

export async function writeAtomically(dir: string, files: readonly OutputFile[]): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const moves: Move[] = files.map((f) => ({
    tmp: join(dir, `.${f.name}.${process.pid}.tmp`),
    final: join(dir, f.name),
    backup: join(dir, `.${f.name}.${process.pid}.bak`),
    hadOld: false,
    placed: false,
  }));
  try {
    for (const [i, f] of files.entries()) await writeFile((moves[i] as Move).tmp, f.data);
    for (const m of moves) {
      await setAside(m);
      await rename(m.tmp, m.final);
      m.placed = true;
    }
  } catch (e) {
    await rollBack(moves);
    throw e;
  }
  await Promise.all(moves.filter((m) => m.hadOld).map((m) => rm(m.backup, { force: true, recursive: true })));
  return moves.map((m) => m.final);
}
