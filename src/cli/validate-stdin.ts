/**
 * validate - : a CSV or XLSX piped on standard input. It is written to a
 * temporary folder under a name that tells its format (from its first
 * bytes: a zip is a workbook) and, with --kind, its kind; the report then
 * names it `-`. The folder is removed however the check ends.
 */
import { rmSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BulletinError } from '../model/errors.js';
import { TABLE_KINDS } from '../inputs/input-kinds.js';
import type { ValidateReport } from '../pipeline/validate-inputs.js';
import type { CliIo } from './io.js';

export const STDIN_NAME = '-';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export function stdinFileName(bytes: Buffer, kind: string | undefined): string {
  if (kind !== undefined && !(TABLE_KINDS as readonly string[]).includes(kind))
    throw new BulletinError(
      'usage.kind',
      'usage',
      `不认识的文件类型：--kind ${kind}。`,
      `可用的类型：${TABLE_KINDS.join('、')}。`,
    );
  return `${kind ?? 'stdin'}.${bytes.subarray(0, 4).equals(ZIP_MAGIC) ? 'xlsx' : 'csv'}`;
}

/** Runs `check` on standard input saved as a file; the report names it `-`. */
export async function withStdinFile(
  io: CliIo,
  { kind, tempDir, signal }: { kind?: string; tempDir?: string; signal?: AbortSignal },
  check: (dir: string, name: string) => Promise<ValidateReport>,
): Promise<ValidateReport> {
  const bytes = io.readStdin ? await io.readStdin() : null;
  if (!bytes)
    throw new BulletinError(
      'usage.stdin.none',
      'usage',
      '“-”表示从标准输入读取，但没有数据传进来。',
      '例如：cat recalls.csv | bulletin validate - --kind recalls --quarter 2022Q3。',
    );
  const name = stdinFileName(bytes, kind);
  const dir = await mkdtemp(join(tempDir ?? tmpdir(), 'bulletin-stdin-'));
  // A stop ends the process without waiting for the check: the copy goes first.
  const removeNow = () => rmSync(dir, { recursive: true, force: true });
  signal?.addEventListener('abort', removeNow, { once: true });
  try {
    await writeFile(join(dir, name), bytes);
    const report = await check(dir, name);
    const rename = <T extends { file: string }>(x: T): T => (x.file === name ? { ...x, file: STDIN_NAME } : x);
    return { ...report, files: report.files.map(rename), findings: report.findings.map(rename) };
  } finally {
    signal?.removeEventListener('abort', removeNow);
    await rm(dir, { recursive: true, force: true });
  }
}
