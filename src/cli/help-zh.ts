/**
 * Commander speaks English in its help and usage errors; our users read
 * Chinese only. Its help is localised through its own hooks (titles,
 * default values, the help command) and its error lines by rewriting.
 */
import type { Command, Help, Option } from 'commander';

const TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};

export const COMMAND_NAMES = ['build', 'validate', 'stats', 'compare', 'init', 'preview', 'doctor', 'completion'];

function optionDescription(option: Option): string {
  const shown = option.defaultValue !== undefined && (option.required || option.optional);
  const value = option.defaultValueDescription ?? String(option.defaultValue);
  return shown ? `${option.description}（默认 ${value}）` : option.description;
}

/** Applies to `cmd` and to the subcommands created from it afterwards. */
export function localiseHelp(cmd: Command): Command {
  return cmd.helpCommand('help [command]', '显示某个命令的帮助').configureHelp({
    styleTitle: (title: string) => TITLES[title] ?? title,
    optionDescription: (option: Option) => optionDescription(option),
  } as Partial<Help>);
}

/** Commander's own usage errors, in the language of every other message. */
export function chineseUsageError(text: string): string {
  const rules: Array<[RegExp, string]> = [
    [/error: required option '([^']+)' not specified/, '错误：缺少必需的选项 $1。'],
    [/error: unknown option '([^']+)'/, '错误：不认识的选项 $1。'],
    [/error: missing required argument '([^']+)'/, '错误：缺少参数 $1。'],
    [/error: option '([^']+)' argument missing/, '错误：选项 $1 后面需要一个值。'],
    [/error: too many arguments(?: for '([^']+)')?.*/, '错误：参数太多。'],
    [
      /error: option '([^']+)' cannot be used with option '([^']+)'/,
      '错误：选项 $1 不能和 $2 一起使用（一次只能选一种输出格式）。',
    ],
    [/error: unknown command '([^']+)'/, `错误：没有 $1 这个命令。可用的命令：${COMMAND_NAMES.join('、')}。`],
    [/\s*\(Did you mean one of ([^?]+)\?\)/, '（您要输入的可能是 $1 之一？）'],
    [/\s*\(Did you mean ([^?]+)\?\)/, '（您要输入的是不是 $1？）'],
  ];
  let out = text;
  for (const [re, zh] of rules) out = out.replace(re, zh);
  return out;
}
