/**
 * The options several commands take, declared once: the same flag, the same
 * words in every command's help. What they resolve to (and in which order
 * flag, environment, configuration and default apply) is config/resolve-options.ts.
 */
import type { Command } from 'commander';

/** --archive may be given more than once. */
const collect = (v: string, prev: string[] = []) => [...prev, v];

const SHARED = {
  data: ['-d, --data <dir>', '数据目录，内含各季度的文件夹（默认 data，或配置文件中的 data）'],
  out: ['-o, --out <dir>', '输出目录：写入 <季度>/，也在此查找存档的 stats.json（默认 out，或配置文件中的 out）'],
  config: ['--config <file>', '配置文件（默认为当前文件夹或其上级中最近的 bulletin.config.json 或 .js）'],
  templates: ['--templates <dir>', '模板目录：其中的文件替换同名的默认模板，其余沿用默认'],
  browser: [
    '--browser <path>',
    'Chromium/Chrome 可执行文件路径（其次是环境变量 BULLETIN_BROWSER、配置文件中的 browser）',
  ],
  sheet: ['--sheet <name>', 'XLSX 中要读取的工作表（默认第一个）'],
} as const;

export type SharedOption = keyof typeof SHARED | 'archive';

/** Adds the named shared options to a command, in the order given. */
export function withOptions(cmd: Command, ...names: SharedOption[]): Command {
  for (const name of names) {
    if (name === 'archive') cmd.option('--archive <dir>', '存档文件夹，内含 <季度>/stats.json；可重复', collect);
    else cmd.option(SHARED[name][0], SHARED[name][1]);
  }
  return cmd;
}
