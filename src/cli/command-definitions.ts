/**
 * Each command's definition: its options, descriptions and defaults, and the
 * module it runs (imported only when it runs). One function per command, so
 * run-cli.ts keeps only the program's own settings and the exit codes.
 */
import type { Command } from 'commander';
import type { BuildFlags } from './build-command.js';
import type { ValidateFlags } from './validate-command.js';
import type { CompareFlags } from './compare-command.js';
import type { StatsFlags } from './stats-command.js';
import type { DoctorFlags } from './doctor-command.js';
import type { InitFlags } from './init-command.js';
import type { PreviewFlags } from './preview-command.js';
import type { CompletionShell } from './completion-command.js';
import { stopOnInterrupt, withInterrupts } from './interrupts.js';
import type { CliIo } from './io.js';
import { withOptions } from './shared-options.js';
import { DEFAULT_FORMATS, DEFAULT_TIMEOUT_SECONDS } from '../config/resolve-options.js';

/**
 * Output formats of which one may be asked at a time: `stats --json --csv` printed the JSON
 * and dropped the CSV in silence. Commander refuses the pair (a usage error, in Chinese).
 */
function oneOf(cmd: Command, formats: ReadonlyArray<[flag: string, description: string]>): Command {
  const names = formats.map(([flag]) => flag.replace(/^--/, ''));
  for (const [flag, description] of formats)
    cmd.addOption(cmd.createOption(flag, description).conflicts(names.filter((n) => `--${n}` !== flag)));
  return cmd;
}

/** Runs a command's action and keeps its exit code for runCli. */
export type Run = (action: () => Promise<number>) => Promise<void>;

/** build: the only command that starts the browser; an interrupt closes it and nothing is written. */
export function addBuildCommand(cmd: Command, io: CliIo, run: Run): void {
  const build = cmd
    .command('build')
    .description('生成一个季度的公报：读取 DATA/<季度>/，写入 OUT/<季度>/bulletin.pdf、bulletin.html、stats.json')
    .requiredOption('-q, --quarter <quarter>', '季度，如 2022Q3（也接受 2022-Q3、2022q3）');
  withOptions(build, 'data', 'out', 'sheet', 'config', 'browser', 'templates')
    .option('-f, --format <list>', '输出格式：pdf、html、docx，逗号分隔', DEFAULT_FORMATS)
    .option(
      '--timeout <seconds>',
      '浏览器每一步（启动、载入、每遍排版、关闭）的时限，秒；整个生成的时限是它的 20 倍',
      DEFAULT_TIMEOUT_SECONDS,
    )
    .option(
      '--no-cache',
      '不用以前测得的排版和裁剪好的网页字体（每次都重新测量分页、裁剪字体；默认缓存在 ~/.cache/bulletin，可用 BULLETIN_CACHE_DIR 指定）',
    )
    .option(
      '--draft',
      '数据还有未完成或有误的内容时也生成：每页标“草稿”，文末列出问题；文件名 bulletin-draft.*，不写 stats.json',
    )
    .option('--json', '在标准输出打印机器可读的结果')
    .option('--quiet', '不显示进度')
    .action(async (flags: BuildFlags) =>
      run(() =>
        withInterrupts(
          io,
          async (signal) => (await import('./build-command.js')).runBuild(flags, io, signal),
          flags.json === true,
        ),
      ),
    );
}

/** validate: the checks build makes, on a folder, loose files or standard input. */
export function addValidateCommand(cmd: Command, io: CliIo, run: Run): void {
  const validate = cmd
    .command('validate')
    .description('检查输入文件：一个季度文件夹（如 data/2022Q3），或任意几个文件；列出所有问题及修改建议')
    .argument('[paths...]', '季度文件夹，或要检查的文件；- 表示从标准输入读取一个 CSV 或 XLSX')
    .option('-q, --quarter <quarter>', '季度（文件夹名不是 2022Q3 这种形式时需要；在数据目录中找它）');
  oneOf(withOptions(validate, 'data'), [
    ['--json', '在标准输出打印机器可读的报告'],
    ['--csv', '在标准输出打印问题清单（CSV，可用 Excel 打开）'],
  ])
    .option('--csv-headers <lang>', 'CSV 的列名：zh（中文，默认）或 en（英文字段名，便于脚本）')
    .option('--kind <kind>', '从标准输入（-）读取时文件的类型，如 recalls、clues')
    .option('--quiet', '与 --json/--csv 同用时，标准错误不再重复显示问题')
    .option('--max-errors <n>', '最多列出多少个错误');
  withOptions(validate, 'sheet', 'config').action(async (paths: string[], flags: ValidateFlags) =>
    run(() =>
      stopOnInterrupt(
        io,
        async (gated, signal) => (await import('./validate-command.js')).runValidate(paths, flags, gated, signal),
        flags.json === true,
      ),
    ),
  );
}

/** stats and compare: the figures of one quarter, or of several side by side. */
export function addFigureCommands(cmd: Command, io: CliIo, run: Run): void {
  const stats = cmd
    .command('stats')
    .description('打印一个季度公报中的全部数字（与 PDF 相同）')
    .requiredOption('-q, --quarter <quarter>', '季度，如 2022Q3');
  oneOf(stats, [
    ['--json', 'JSON（与 stats.json 相同，含 schemaVersion）'],
    ['--csv', 'CSV（可用 Excel 打开）'],
    ['--md', 'Markdown 表格'],
  ]);
  withOptions(stats, 'data', 'out', 'archive', 'config').action(async (flags: StatsFlags) =>
    run(() =>
      stopOnInterrupt(
        io,
        async (gated) => (await import('./stats-command.js')).runStats(flags, gated),
        flags.json === true,
      ),
    ),
  );
  const compare = cmd
    .command('compare')
    .description('比较季度：两个季度（环比、同比），或一个范围 2021Q1..2022Q4；本省与全国')
    .argument('<quarters...>', '2022Q2 2022Q3，或 2021Q1..2022Q4')
    .option('--ytd', '比较年初至该季度的累计（如前三季度与上年前三季度）')
    .option('--allow-gaps', '范围中没有数据或数据有误的季度跳过并注明（默认：列出这些季度并以 1 退出）')
    .option('--by <dimension>', '按 category、region、defect 或 province 分项比较');
  oneOf(compare, [
    ['--json', 'JSON'],
    ['--csv', 'CSV'],
    ['--md', 'Markdown 表格'],
  ]);
  withOptions(compare, 'data', 'out', 'archive', 'config').action(async (quarters: string[], flags: CompareFlags) =>
    run(() =>
      stopOnInterrupt(
        io,
        async (gated) => (await import('./compare-command.js')).runCompare(quarters, flags, gated),
        flags.json === true,
      ),
    ),
  );
}

/** init: a new quarter's blank folder, or the bundled sample. */
export function addInitCommand(cmd: Command, io: CliIo, run: Run): void {
  const init = cmd
    .command('init')
    .description('为一个新季度创建数据文件夹：空白表格（带下拉列表和格式）、期刊信息、文章模板')
    .argument('[quarter]', '季度，如 2022Q4')
    .option('--sample', '在当前文件夹写入自带的示例（2022年第一至第三季度、存档、文章和配置）');
  withOptions(init, 'data').option('--force', '文件夹已有文件时也重新生成（覆盖同名文件）');
  withOptions(init, 'config').action(async (quarter: string | undefined, flags: InitFlags) =>
    run(async () => (await import('./init-command.js')).runInit(quarter, flags, io)),
  );
}

/** preview: the HTML edition served locally, rebuilt on every change. */
export function addPreviewCommand(cmd: Command, io: CliIo, run: Run): void {
  const preview = cmd
    .command('preview')
    .description('在本机浏览器中预览公报（HTML），修改输入文件或模板后自动刷新')
    .requiredOption('-q, --quarter <quarter>', '季度，如 2022Q3');
  withOptions(preview, 'data')
    .option('--port <port>', '端口（默认 4173，被占用时自动换下一个；明确指定时被占用则报错；0 表示任选）')
    .option('--host <host>', '监听地址', '127.0.0.1')
    .option('--open', '启动后用默认浏览器打开预览页');
  withOptions(preview, 'templates', 'config').action(async (flags: PreviewFlags) =>
    run(async () => (await import('./preview-command.js')).runPreview(flags, io)),
  );
}

/** doctor: whether this machine (and a quarter's data) can build. */
export function addDoctorCommand(cmd: Command, io: CliIo, run: Run): void {
  const doctor = cmd
    .command('doctor')
    .description('检查能否生成公报：浏览器、字体、模板，以及（给出 --quarter 时）该季度的数据')
    .option('-q, --quarter <quarter>', '同时检查该季度的数据是否齐全、正确')
    .option('--timeout <seconds>', '试印时浏览器每一步的时限，秒（与 build 相同）', DEFAULT_TIMEOUT_SECONDS);
  withOptions(doctor, 'data', 'browser', 'templates', 'config')
    .option('--json', 'JSON（含 schemaVersion）')
    .option('--quiet', '与 --json 同用时，标准错误不显示检查结果')
    .action(async (flags: DoctorFlags) =>
      run(() =>
        stopOnInterrupt(
          io,
          async (gated) => (await import('./doctor-command.js')).runDoctorCommand(flags, gated),
          flags.json === true,
        ),
      ),
    );
}

/** completion: needs the whole program (cmd) to list its commands and options. */
export function addCompletion(cmd: Command, io: CliIo, run: Run): void {
  cmd
    .command('completion')
    .description('打印命令行补全脚本：bash、zsh 或 powershell（用法见 README）')
    .argument('<shell>', 'bash、zsh 或 powershell')
    .action(async (shell: CompletionShell) =>
      run(async () => (await import('./completion-command.js')).runCompletion(shell, cmd, io)),
    );
}
