/**
 * The README tells the truth: every `bulletin` command in its sh code
 * blocks runs, in README order, in an empty folder (the first one is
 * `bulletin init --sample`), with the exit code the README states: 0, or
 * the code in a “(exit N …)” comment on that line. Synopsis lines (with
 * [optional] parts) and the commands that cannot run in a test are checked
 * for their command and flags only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bulletin, ROOT, tempDir } from '../helpers/cli.js';
import { copyOfSampleCache } from '../helpers/sample-build.js';
import { commandProblems, shellWords } from '../helpers/command-lines.js';

/** Commands that cannot run to an end in a test, and why. */
const NOT_RUN: Record<string, string> = {
  preview: 'serves until Ctrl+C (test/cli/preview.test.ts and scripting-contract.test.ts drive it)',
};

interface ReadmeCommand {
  line: string;
  words: string[];
  stdin: string | null;
  expected: number;
  synopsis: boolean;
}

function readmeCommands(): ReadmeCommand[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const out: ReadmeCommand[] = [];
  for (const block of readme.matchAll(/```sh\n([\s\S]*?)```/g)) {
    for (const raw of (block[1] as string).split('\n')) {
      const m = /^(?:npx\s+)?bulletin\s+(.*)$/.exec(raw.trim());
      if (!m) {
        // A continuation of a synopsis: `        [--json | --csv] …`
        const last = out[out.length - 1];
        if (last?.synopsis && /^\s+\[/.test(raw)) last.line += ` ${raw.trim()}`;
        continue;
      }
      const [command, comment = ''] = (m[1] as string).split(/\s+#\s/);
      const stdin = /<\s*(\S+)/.exec(command as string)?.[1] ?? null;
      out.push({
        line: raw.trim(),
        words: shellWords(command as string),
        stdin,
        expected: Number(/\(exit (\d+)/.exec(comment)?.[1] ?? 0),
        synopsis: (command as string).includes('['),
      });
    }
  }
  return out;
}

const commands = readmeCommands();

describe('README commands', () => {
  it('finds the commands (init --sample first, every command of the CLI shown)', () => {
    expect(commands[0]?.words).toEqual(['init', '--sample']);
    const names = new Set(commands.map((c) => c.words[0]));
    for (const n of ['init', 'build', 'validate', 'stats', 'compare', 'preview', 'doctor']) expect(names).toContain(n);
  });

  it('every command and flag shown exists', () => {
    const problems = commands.flatMap((c) => {
      const flags = c.synopsis ? [c.words[0] as string, ...(c.line.match(/--?[a-z][a-z-]*/g) ?? [])] : c.words;
      const words = flags.filter((w, i) => i === 0 || !c.synopsis || w.startsWith('-'));
      return commandProblems(words, !c.synopsis).map((p) => `${c.line}: ${p}`);
    });
    expect(problems).toEqual([]);
  });

  it('each runnable command exits as the README says, run in order on the bundled sample', async () => {
    const dir = tempDir('bulletin-readme-');
    // 2022Q3 prints once from the layout the shared sample build measured (the other quarters are measured).
    const env = { BULLETIN_CACHE_DIR: await copyOfSampleCache() };
    const results: string[] = [];
    for (const c of commands) {
      if (c.synopsis || NOT_RUN[c.words[0] as string]) continue;
      // In this process through runCli (the binary itself is run by the end-to-end tests).
      const r = await bulletin(c.words, { cwd: dir, env, input: c.stdin ? readFileSync(join(dir, c.stdin)) : '' });
      results.push(`${c.line} → exit ${r.code}${r.code === c.expected ? '' : ` (README: ${c.expected})\n${r.stderr}`}`);
    }
    expect(results.filter((r) => r.includes('README:'))).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(12);
  }, 600_000);
});
