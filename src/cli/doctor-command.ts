import { resolve } from 'node:path';
import { parseQuarter } from '../model/quarter.js';
import { loadConfig } from '../pipeline/config.js';
import { runDoctor } from '../pipeline/doctor.js';
import { EXIT } from './exit-codes.js';
import { paint, type CliIo } from './io.js';
import { dataDir } from './paths.js';

export interface DoctorFlags {
  quarter?: string;
  data?: string;
  browser?: string;
  templates?: string;
  config?: string;
  json?: boolean;
}

export async function runDoctorCommand(flags: DoctorFlags, io: CliIo): Promise<number> {
  const config = await loadConfig(flags.config, io.cwd);
  const checks = await runDoctor({
    config,
    cwd: io.cwd,
    browser: flags.browser ? resolve(io.cwd, flags.browser) : undefined,
    templates: flags.templates ? resolve(io.cwd, flags.templates) : undefined,
    dataDir: dataDir(flags.data, config, io.cwd),
    quarter: flags.quarter ? parseQuarter(flags.quarter) : null,
  });
  const ok = checks.every((c) => c.ok);
  if (flags.json) {
    io.stdout(`${JSON.stringify({ ok, config: config.source, checks }, null, 2)}\n`);
  } else {
    const c = paint(io);
    io.stderr(`配置：${config.source}\n`);
    for (const ch of checks)
      io.stderr(`${ch.ok ? c(32, '✓') : c(31, '✗')} ${ch.name}：${ch.detail}\n${ch.hint ? `  → ${ch.hint}\n` : ''}`);
    io.stderr(ok ? '可以生成公报。\n' : '现在还不能生成公报，请按上面的提示处理。\n');
  }
  if (ok) return EXIT.ok;
  // The code a build would fail with: browser, then data, then setup.
  if (!checks[0]?.ok) return EXIT.browser;
  if (checks.some((ch) => !ch.ok && ch.name.endsWith('数据'))) return EXIT.invalidData;
  return EXIT.usage;
}
