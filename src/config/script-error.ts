/**
 * A bulletin.config.js that does not load, in words its editor can act on.
 * Node's messages are English and, for a syntax error in a module, carry no
 * line. `node --check file.js` passes a .js module it cannot parse (Node 20),
 * so the hint gives the form that finds the line for .js and .mjs alike.
 */

import { pathToFileURL } from 'node:url';
import { BulletinError } from '../model/errors.js';

const SYNTAX: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^Unexpected end of input/, () => '文件在结束前缺少右括号、右花括号或引号'],
  [/^Invalid or unexpected token/, () => '有无法识别的字符（常见原因：中文引号“”或全角标点）'],
  [/^Unexpected token '(.+)'/, (m) => `有不该出现的“${m[1]}”（常见原因：多余的逗号或括号）`],
  [/^Unexpected (identifier|string|number)/, () => '两项之间缺少逗号'],
  [/^missing \) after argument list/, () => '缺少右括号“)”'],
  [
    /^Cannot use import statement outside a module/,
    () => 'import 只能用在 .mjs 文件中（或把文件改名为 bulletin.config.mjs）',
  ],
];

const RUNTIME: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^(\S+) is not defined/, (m) => `使用了没有定义的名称“${m[1]}”（文字需要加引号）`],
  [/^Cannot find (module|package) '([^']+)'/, (m) => `找不到导入的“${m[2]}”`],
];

function translated(table: typeof SYNTAX, message: string): string | null {
  for (const [pattern, words] of table) {
    const m = pattern.exec(message);
    if (m) return words(m);
  }
  return null;
}

/** The line of the configuration file a runtime error's stack names. */
function lineIn(e: Error, file: string): number | null {
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`${escaped}:(\\d+):\\d+`).exec(e.stack ?? '');
  return m ? Number(m[1]) : null;
}

const SHAPE = '文件应当是 export default defineConfig({...})。';

/** What went wrong and what to do, for the message and the hint. */
export function scriptProblem(e: unknown, path: string): { problem: string; hint: string } {
  if (!(e instanceof Error)) return { problem: `运行出错：${String(e)}`, hint: SHAPE };
  if (e.name === 'SyntaxError')
    return {
      problem: `有语法错误：${translated(SYNTAX, e.message) ?? '无法解析'}`,
      hint: `运行 node --input-type=module --check < ${path} 可显示出错的行。${SHAPE}`,
    };
  const line = lineIn(e, pathToFileURL(path).href);
  const words = translated(RUNTIME, e.message);
  // The file's own `throw new Error('…')` is its author's words: kept as they are.
  return { problem: `运行出错${line ? `（第 ${line} 行）` : ''}：${words ?? e.message}`, hint: SHAPE };
}

/** How long a configuration script may take to load: one that never settles (an await on nothing) ended with Node's exit code 13. */
export const SCRIPT_LOAD_MS = 10_000;

/**
 * The default export of bulletin.config.js, loaded within `ms`. A script that
 * throws, does not parse or never finishes loading is a config.js error.
 */
export async function loadConfigScript(path: string, ms = SCRIPT_LOAD_MS): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    // The timer keeps the process alive meanwhile: without it Node ends at once with code 13.
    timer = setTimeout(() => reject(new ScriptTimeout()), ms);
  });
  try {
    const mod = (await Promise.race([import(pathToFileURL(path).href), late])) as { default?: unknown };
    return mod.default;
  } catch (e) {
    const { problem, hint } =
      e instanceof ScriptTimeout
        ? { problem: `运行了 ${ms / 1000} 秒仍没有结束（例如 await 了一个永远不会完成的操作）`, hint: SHAPE }
        : scriptProblem(e, path);
    throw new BulletinError('config.js', 'config', `配置文件 ${path} ${problem}。`, hint, { cause: e });
  } finally {
    clearTimeout(timer);
  }
}

class ScriptTimeout extends Error {}
