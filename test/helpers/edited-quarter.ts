import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bulletin, ROOT, tempDir } from './cli.js';

export interface Finding {
  severity: string;
  code: string;
  file: string;
  row: number | null;
  column: string | null;
  header: string | null;
  value: string | null;
  message: string;
}

/** One of the sample's quarters alone in a new data folder, with `file` replaced by `edit` of its text. */
export function quarterWith(file: string, edit: (text: string) => string, quarter = '2022Q3'): string {
  const data = tempDir();
  cpSync(join(ROOT, 'data', quarter), join(data, quarter), { recursive: true });
  const path = join(data, quarter, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return data;
}

/** `bulletin build` of the quarter in `data` (HTML only): what it printed, where, and whether it wrote the quarter. */
export async function buildData(data: string, more: string[] = [], quarter = '2022Q3') {
  const out = tempDir();
  const r = await bulletin(['build', '--quarter', quarter, '--data', data, '--out', out, '--format', 'html', ...more]);
  return { ...r, out, wrote: existsSync(join(out, quarter)) };
}

/** `bulletin validate` of the quarter's folder in `data`: its exit code and findings. */
export async function validateData(data: string, quarter = '2022Q3') {
  const r = await bulletin(['validate', join(data, quarter), '--json']);
  return { code: r.code, findings: (JSON.parse(r.stdout) as { findings: Finding[] }).findings };
}
