/**
 * The command line: the only place that knows argv, streams and exit codes.
 * Each command's module is imported when it runs, so `validate` does not
 * pay for the browser and chart libraries `build` needs.
 */
import { isBulletinError } from '../model/errors.js';
import { systemError, systemErrorCode } from '../model/system-reasons.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { packageRoot } from '../config/package-root.js';
import {
  addBuildCommand,
  addCompletion,
  addDoctorCommand,
  addFigureCommands,
  addInitCommand,
  addPreviewCommand,
  addValidateCommand,
  type Run,
} from './command-definitions.js';
import { EXIT } from './exit-codes.js';
import { debugDetail, failureJson, failureOf, failureText, type FailureInfo } from './failure.js';
import { formatIssues } from './format-issues.js';
import { chineseUsageError, localiseHelp } from './help-zh.js';
import { processIo, type CliIo } from './io.js';
import { reportStop, type InterruptName } from './interrupts.js';

export { chineseUsageError } from './help-zh.js';

function version(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

function program(io: CliIo, run: Run, usageErrors: string[]): Command {
  const cmd = new Command('bulletin')
    .description('把召回记录（CSV/XLSX）生成季度缺陷产品召回公报（HTML 与 PDF）。')
    .version(version(), '-V, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .showHelpAfterError('（用 --help 查看用法）')
    .exitOverride()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: (text, write) => {
        usageErrors.push(chineseUsageError(text).trim());
        write(chineseUsageError(text));
      },
    });
  localiseHelp(cmd);
  // Subcommands inherit the help option, exit override and output from here; help lists them in this order.
  addBuildCommand(cmd, io, run);
  addValidateCommand(cmd, io, run);
  addFigureCommands(cmd, io, run);
  addInitCommand(cmd, io, run);
  addPreviewCommand(cmd, io, run);
  addDoctorCommand(cmd, io, run);
  addCompletion(cmd, io, run);
  return cmd;
}

/** The command definitions, for tools that check command lines against them (tests, completion). */
export function describeCli(): Command {
  const silent: CliIo = { stdout: () => undefined, stderr: () => undefined, cwd: '/', env: {}, isTty: false };
  return program(silent, async () => undefined, []);
}

/** Reports a failure: the message on stderr, and with --json one JSON document on stdout. */
function report(failure: FailureInfo, argv: readonly string[], io: CliIo, alreadyShown: boolean, e?: unknown): number {
  const json = argv.includes('--json');
  // The findings behind a refusal (a quarter whose data have errors) go with it, for scripts to show.
  const listed = isBulletinError(e) ? e.findings : [];
  if (json) io.stdout(failureJson(failure, listed.length > 0 ? { findings: listed } : {}));
  // People see them too: the errors behind a refusal, or what a failed build's browser left behind.
  if (!alreadyShown && !(json && argv.includes('--quiet')))
    io.stderr(formatIssues(listed, io) + failureText(failure) + debugDetail(e, io));
  return failure.exitCode;
}

/**
 * A signal that came while bin/bulletin.js was still loading the CLI (its first 0.1 s): no
 * command had started, nothing was written; said as a stop, with the --json document.
 */
export function stoppedWhileLoading(name: InterruptName, argv: readonly string[], io: CliIo = processIo()): number {
  return reportStop(io, name, '没有写入任何文件', argv.includes('--json'));
}

/** Runs the command line and returns the exit code; never calls process.exit. */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let code: number = EXIT.ok;
  const run = async (action: () => Promise<number>): Promise<void> => {
    code = await action();
  };
  const usageErrors: string[] = [];
  // `bulletin --version --json`: the one document scripts expect with --json, not commander's plain line.
  if (argv.length === 2 && argv.includes('--json') && argv.some((a) => a === '--version' || a === '-V')) {
    io.stdout(`${JSON.stringify({ schemaVersion: 1, ok: true, version: version() }, null, 2)}\n`);
    return EXIT.ok;
  }
  try {
    await program(io, run, usageErrors).parseAsync([...argv], { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help')
        return EXIT.ok;
      const message = (usageErrors.join('\n') || chineseUsageError(e.message)).replace(/^错误：/, '');
      const failure = { code: `usage.${e.code.replace(/^commander\./, '')}`, message, hint: '用 --help 查看用法。' };
      return report({ ...failure, exitCode: EXIT.usage }, argv, io, true);
    }
    // A system error nothing below turned into its own is the setup's problem, told in Chinese.
    const told = !isBulletinError(e) && systemErrorCode(e) ? systemError(e) : e;
    return report(failureOf(told, io), argv, io, false, told);
  }
}
