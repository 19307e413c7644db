/**
 * Outputs appear all at once or not at all: each file is written to a
 * temporary name in the target folder, and only when every one succeeded
 * are they renamed into place. A failed build leaves earlier outputs as
 * they were.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface OutputFile {
  name: string;
  data: string | Uint8Array;
}

export async function writeAtomically(dir: string, files: readonly OutputFile[]): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const staged: Array<{ tmp: string; final: string }> = [];
  try {
    for (const f of files) {
      const tmp = join(dir, `.${f.name}.${process.pid}.tmp`);
      staged.push({ tmp, final: join(dir, f.name) });
      await writeFile(tmp, f.data);
    }
    for (const s of staged) await rename(s.tmp, s.final);
  } catch (e) {
    await Promise.all(staged.map((s) => rm(s.tmp, { force: true })));
    throw e;
  }
  return staged.map((s) => s.final);
}
