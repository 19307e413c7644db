/**
 * `bulletin …` command lines found in shell text (CI recipes, README code
 * blocks), split into words and checked against the real command
 * definitions, so documentation and recipes cannot name a command or a
 * flag that does not exist.
 */
import type { Command } from 'commander';
import { describeCli } from '../../src/cli/run-cli.js';

/** Shell words of one command: quotes removed, stopping at a redirection, pipe, `;`, `&&`, `||` or comment. */
export function shellWords(text: string): string[] {
  const words: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const w = m[1] ?? m[2] ?? (m[3] as string);
    if (m[3] && /^(>|>>|2>|<|\||;|&&|\|\||#|\d?>&?\d?)/.test(m[3])) break;
    words.push(w);
  }
  return words;
}

/** The argument words after each `bulletin` (or `npx bulletin`) at the start of a command in `script`. */
export function bulletinCommands(script: string): string[][] {
  const out: string[][] = [];
  for (const raw of script.split('\n')) {
    const line = raw.trim();
    for (const part of line.split(/&&|\|\||;|\$\(/)) {
      const m = /^(?:npx\s+)?bulletin\s+(.*)$/.exec(part.trim());
      if (m) out.push(shellWords(m[1] as string));
    }
  }
  return out;
}

const program = describeCli();

/**
 * Problems with one command line's words: unknown command, unknown flag,
 * flag missing its value (not checked for a synopsis's bare flag list).
 */
export function commandProblems(words: readonly string[], checkValues = true): string[] {
  const [name, ...rest] = words;
  const sub: Command | undefined = program.commands.find((c) => c.name() === name);
  if (!sub) return [`no command "${name}"`];
  const problems: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i] as string;
    if (!w.startsWith('-') || w === '-') continue;
    const flag = w.split('=')[0] as string;
    const option = sub.options.find((o) => o.long === flag || o.short === flag);
    if (!option && flag !== '--help' && flag !== '-h') problems.push(`${name}: no option ${flag}`);
    else if (checkValues && option?.required && !w.includes('=')) {
      const value = rest[i + 1];
      if (value === undefined || (value.startsWith('-') && value !== '-'))
        problems.push(`${name}: ${flag} needs a value`);
      i++;
    }
  }
  return problems;
}
