import { parseQuarter } from '../model/quarter.js';
import { resolveOptions, type OptionFlags } from '../config/resolve-options.js';
import { runDoctor, type Check } from '../doctor/doctor.js';
import { EXIT } from './exit-codes.js';
import { paint, type CliIo } from './io.js';

export interface DoctorFlags extends Pick<OptionFlags, 'data' | 'browser' | 'templates' | 'config' | 'timeout'> {
  quarter?: string;
  json?: boolean;
  quiet?: boolean;
}

export async function runDoctorCommand(flags: DoctorFlags, io: CliIo): Promise<number> {
  const options = await resolveOptions(flags, io.env, io.cwd);
  const { config, dataDir: data } = options;
  const quarter = flags.quarter ? parseQuarter(flags.quarter) : null;
  const checks = await runDoctor({ ...options, quarter, env: io.env });
  const ok = checks.every((c) => c.ok);
  const code = exitCode(checks);
  if (flags.json) {
    const error = ok ? undefined : doctorError(checks, code);
    io.stdout(
      `${JSON.stringify({ schemaVersion: 1, ok, config: config.source, dataDir: data, checks, error }, null, 2)}\n`,
    );
  }
  if (!flags.json || !flags.quiet) {
    const c = paint(io);
    io.stderr(`配置：${config.source}\n数据目录：${data}\n`);
    for (const ch of checks)
      io.stderr(
        `${ch.ok ? c(32, '✓') : c(31, '✗')} ${ch.name}：${ch.detail}\n${ch.hint ? `  → ${ch.hint.replace(/\n/g, '\n    ')}\n` : ''}`,
      );
    io.stderr(ok ? '可以生成公报。\n' : '现在还不能生成公报，请按上面的提示处理。\n');
  }
  return code;
}

/** The code a build would fail with: browser, then data, then setup. */
function exitCode(checks: readonly Check[]): number {
  if (checks.every((c) => c.ok)) return EXIT.ok;
  if (!checks[0]?.ok) return EXIT.browser;
  if (checks.some((ch) => !ch.ok && ch.name.endsWith('数据'))) return EXIT.invalidData;
  return EXIT.usage;
}

function doctorError(checks: readonly Check[], exitCode: number) {
  const failed = checks.find((c) => !c.ok) as Check;
  return {
    code: 'doctor.failed',
    message: `${failed.name}：${failed.detail}`,
    hint: failed.hint ?? '请按 bulletin doctor 的提示处理。',
    exitCode,
  };
}
