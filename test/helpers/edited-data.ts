import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bulletin, ROOT, tempDir } from './cli.js';

export interface Finding {
  severity: string;
  code: string;
  file: string;
  row: number | null;
  column: string | null;
  value: string | null;
  message: string;
}

/** A copy of data/ (run from its parent folder) with `edits` applied: file → [from, to] replacements. */
export function dataWith(edits: Record<string, Array<[string, string]>>): string {
  const cwd = tempDir();
  cpSync(join(ROOT, 'data'), join(cwd, 'data'), { recursive: true });
  for (const [file, pairs] of Object.entries(edits)) {
    const path = join(cwd, 'data', file);
    let text = readFileSync(path, 'utf8');
    for (const [from, to] of pairs) {
      if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
      text = text.replace(from, to);
    }
    writeFileSync(path, text);
  }
  return cwd;
}

/** `bulletin validate FOLDER --json` run in `cwd`: its exit code and findings. */
export async function validate(
  cwd: string,
  folder = 'data/2022Q3',
): Promise<{ code: number | null; findings: Finding[] }> {
  const r = await bulletin(['validate', folder, '--json'], { cwd });
  return { code: r.code, findings: (JSON.parse(r.stdout) as { findings: Finding[] }).findings };
}

export const codes = (fs: Finding[]) => fs.map((f) => f.code);
