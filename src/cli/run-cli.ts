/**
 * The command line: the only place that knows argv, streams and exit codes.
 * Each command's module is imported when it runs, so `validate` does not
 * pay for the browser and chart libraries `build` needs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { Command, CommanderError } from 'commander';
import { isBulletinError } from '../model/errors.js';
import { packageRoot } from '../pipeline/package-root.js';
import type { BuildFlags } from './build-command.js';
import type { ValidateFlags } from './validate-command.js';
import type { CompareFlags } from './compare-command.js';
import type { StatsFlags } from './stats-command.js';
import type { DoctorFlags } from './doctor-command.js';
import type { InitFlags } from './init-command.js';
import type { PreviewFlags } from './preview-command.js';
import { EXIT, exitCodeFor } from './exit-codes.js';
import { withInterrupts } from './interrupts.js';
import { processIo, type CliIo } from './io.js';

function version(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

function program(io: CliIo, run: (action: () => Promise<number>) => Promise<void>): Command {
  const cmd = new Command('bulletin')
    .description('把召回记录（CSV/XLSX）生成季度缺陷产品召回公报（HTML 与 PDF）。')
    .version(version(), '-V, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .showHelpAfterError('（用 --help 查看用法）')
    .exitOverride()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: (text, write) => write(chineseUsageError(text)),
    });
  // Subcommands inherit the help option, exit override and output from here.
  cmd
    .command('build')
    .description('生成一个季度的公报：读取 DATA/<季度>/，写入 OUT/<季度>/bulletin.pdf、bulletin.html、stats.json')
    .requiredOption('-q, --quarter <quarter>', '季度，如 2022Q3（也接受 2022-Q3、2022q3）')
    .option('-d, --data <dir>', '数据目录（默认 data）')
    .option('-o, --out <dir>', '输出目录（默认 out）')
    .option('-f, --format <list>', '输出格式：pdf、html，逗号分隔', 'pdf,html')
    .option('--sheet <name>', 'XLSX 中要读取的工作表（默认第一个）')
    .option('--config <file>', '配置文件（默认为当前目录的 bulletin.config.json）')
    .option('--browser <path>', 'Chromium/Chrome 可执行文件路径')
    .option('--templates <dir>', '模板目录：其中的文件替换同名的默认模板，其余沿用默认')
    .option(
      '--timeout <seconds>',
      '浏览器每一步（启动、载入、每遍排版、关闭）的时限，秒；整个生成的时限是它的 20 倍',
      '60',
    )
    .option(
      '--no-cache',
      '不用以前测得的排版（每次都重新测量分页；默认缓存在 ~/.cache/bulletin，可用 BULLETIN_CACHE_DIR 指定）',
    )
    .option('--json', '在标准输出打印机器可读的结果')
    .option('--quiet', '不显示进度')
    .action(async (flags: BuildFlags) =>
      run(() => withInterrupts(io, async (signal) => (await import('./build-command.js')).runBuild(flags, io, signal))),
    );
  cmd
    .command('validate')
    .description('检查输入文件：一个季度文件夹（如 data/2022Q3），或任意几个文件；列出所有问题及修改建议')
    .argument('[paths...]', '季度文件夹，或要检查的文件')
    .option('-q, --quarter <quarter>', '季度（文件夹名不是 2022Q3 这种形式时需要）')
    .option('-d, --data <dir>', '数据目录（只给 --quarter 时使用；默认 data）')
    .option('--json', '在标准输出打印机器可读的报告')
    .option('--csv', '在标准输出打印问题清单（CSV，可用 Excel 打开）')
    .option('--max-errors <n>', '最多列出多少个错误')
    .option('--sheet <name>', 'XLSX 中要读取的工作表（默认第一个）')
    .option('--config <file>', '配置文件（默认为当前目录的 bulletin.config.json）')
    .action(async (paths: string[], flags: ValidateFlags) =>
      run(async () => (await import('./validate-command.js')).runValidate(paths, flags, io)),
    );
  const collect = (v: string, prev: string[] = []) => [...prev, v];
  cmd
    .command('stats')
    .description('打印一个季度公报中的全部数字（与 PDF 相同）')
    .requiredOption('-q, --quarter <quarter>', '季度，如 2022Q3')
    .option('--json', 'JSON（与 stats.json 相同，含 schemaVersion）')
    .option('--csv', 'CSV（可用 Excel 打开）')
    .option('--md', 'Markdown 表格')
    .option('-d, --data <dir>', '数据目录（默认 data）')
    .option('-o, --out <dir>', '输出目录，在此查找存档的 stats.json（默认 out）')
    .option('--archive <dir>', '存档文件夹，内含 <季度>/stats.json；可重复', collect)
    .option('--config <file>', '配置文件')
    .action(async (flags: StatsFlags) => run(async () => (await import('./stats-command.js')).runStats(flags, io)));
  cmd
    .command('compare')
    .description('比较季度：两个季度（环比、同比），或一个范围 2021Q1..2022Q4；本省与全国')
    .argument('<quarters...>', '2022Q2 2022Q3，或 2021Q1..2022Q4')
    .option('--ytd', '比较年初至该季度的累计（如前三季度与上年前三季度）')
    .option('--by <dimension>', '按 category、region、defect 或 province 分项比较')
    .option('--json', 'JSON')
    .option('--csv', 'CSV')
    .option('--md', 'Markdown 表格')
    .option('-d, --data <dir>', '数据目录（默认 data）')
    .option('-o, --out <dir>', '输出目录，在此查找存档的 stats.json（默认 out）')
    .option('--archive <dir>', '存档文件夹，内含 <季度>/stats.json；可重复', collect)
    .option('--config <file>', '配置文件')
    .action(async (quarters: string[], flags: CompareFlags) =>
      run(async () => (await import('./compare-command.js')).runCompare(quarters, flags, io)),
    );
  cmd
    .command('init')
    .description('为一个新季度创建数据文件夹：空白表格（带下拉列表和格式）、期刊信息、文章模板')
    .argument('<quarter>', '季度，如 2022Q4')
    .option('-d, --data <dir>', '数据目录（默认 data）')
    .option('--force', '文件夹已有文件时也重新生成（覆盖同名文件）')
    .option('--config <file>', '配置文件')
    .action(async (quarter: string, flags: InitFlags) =>
      run(async () => (await import('./init-command.js')).runInit(quarter, flags, io)),
    );
  cmd
    .command('preview')
    .description('在本机浏览器中预览公报（HTML），修改输入文件或模板后自动刷新')
    .requiredOption('-q, --quarter <quarter>', '季度，如 2022Q3')
    .option('-d, --data <dir>', '数据目录（默认 data）')
    .option('--port <port>', '端口（0 表示任选一个空闲端口）', '4173')
    .option('--host <host>', '监听地址', '127.0.0.1')
    .option('--templates <dir>', '模板目录')
    .option('--config <file>', '配置文件')
    .action(async (flags: PreviewFlags) =>
      run(async () => (await import('./preview-command.js')).runPreview(flags, io)),
    );
  cmd
    .command('doctor')
    .description('检查能否生成公报：浏览器、字体、模板，以及（给出 --quarter 时）该季度的数据')
    .option('-q, --quarter <quarter>', '同时检查该季度的数据是否齐全、正确')
    .option('-d, --data <dir>', '数据目录（默认 data）')
    .option('--browser <path>', 'Chromium/Chrome 可执行文件路径')
    .option('--templates <dir>', '模板目录')
    .option('--config <file>', '配置文件')
    .option('--json', 'JSON')
    .action(async (flags: DoctorFlags) =>
      run(async () => (await import('./doctor-command.js')).runDoctorCommand(flags, io)),
    );
  return cmd;
}

/** Commander's own usage errors, in the language of every other message. */
export function chineseUsageError(text: string): string {
  const rules: Array<[RegExp, string]> = [
    [/error: required option '([^']+)' not specified/, '错误：缺少必需的选项 $1。'],
    [/error: unknown option '([^']+)'(?:\s*\(Did you mean ([^)]+)\?\))?/, '错误：不认识的选项 $1。'],
    [/error: missing required argument '([^']+)'/, '错误：缺少参数 $1。'],
    [/error: option '([^']+)' argument missing/, '错误：选项 $1 后面需要一个值。'],
    [/error: too many arguments(?: for '([^']+)')?.*/, '错误：参数太多。'],
    [
      /error: unknown command '([^']+)'/,
      '错误：没有 $1 这个命令。可用的命令：build、validate、stats、compare、init、preview、doctor。',
    ],
  ];
  for (const [re, zh] of rules) if (re.test(text)) return text.replace(re, zh);
  return text;
}

/** An error's own words and those of its causes; not every library rejects with an Error. */
function detailOf(e: unknown): string {
  if (!(e instanceof Error)) return inspect(e, { depth: 2, breakLength: Infinity });
  return e.cause === undefined ? e.message : `${e.message} ← ${detailOf(e.cause)}`;
}

function reportError(e: unknown, io: CliIo): number {
  if (isBulletinError(e)) {
    io.stderr(`错误：${e.message}\n${e.hint ? `  → ${e.hint}\n` : ''}`);
    // The system's or a library's own words (Puppeteer's English), for whoever debugs: never in the message itself.
    if (io.env.BULLETIN_DEBUG && e.cause !== undefined)
      io.stderr(`  （详细信息：${detailOf(e.cause)}）
`);
    return exitCodeFor(e.kind);
  }
  const detail = e instanceof Error ? (io.env.BULLETIN_DEBUG ? (e.stack ?? e.message) : e.message) : String(e);
  io.stderr(
    `内部错误（这是 bulletin 的问题，不是您的数据的问题）：${detail}\n  → 请把这条信息和所用的命令报告给维护者；设置 BULLETIN_DEBUG=1 可显示详细信息。\n`,
  );
  return EXIT.internal;
}

/** Runs the command line and returns the exit code; never calls process.exit. */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let code: number = EXIT.ok;
  const run = async (action: () => Promise<number>): Promise<void> => {
    code = await action();
  };
  try {
    await program(io, run).parseAsync([...argv], { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help')
        return EXIT.ok;
      return EXIT.usage;
    }
    return reportError(e, io);
  }
}
