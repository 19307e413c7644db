import { Console } from 'node:console';
import { systemReason } from '../model/system-reasons.js';
import { EXIT } from './exit-codes.js';
import { processInterrupts, type InterruptTrap } from './interrupt-trap.js';

/** What the CLI may touch of the outside world; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Whether stderr is a terminal (colours, live progress). */
  isTty: boolean;
  /** All of standard input (validate -); null when it is a terminal, i.e. nothing was piped. */
  readStdin?: () => Promise<Buffer | null>;
  /** Traps SIGINT/SIGTERM while a build runs (absent: signals keep their default effect). */
  trapInterrupts?: () => InterruptTrap;
}

export function processIo(): CliIo {
  guardStdout();
  // stdout carries the command's output only (one JSON document with --json): what a configuration
  // file or a library prints (console.log, process.stdout.write) goes to stderr.
  const toStdout = process.stdout.write.bind(process.stdout);
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  globalThis.console = new Console({ stdout: process.stderr, stderr: process.stderr });
  return {
    stdout: (t) => void toStdout(t),
    stderr: (t) => void process.stderr.write(t),
    cwd: process.cwd(),
    env: process.env,
    isTty: Boolean(process.stderr.isTTY),
    readStdin: async () => {
      if (process.stdin.isTTY) return null;
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    trapInterrupts: () => processInterrupts(),
  };
}

/**
 * stdout that cannot be written. `bulletin stats --json | head`: the reader has gone, and the rest has
 * nowhere to go; that is no failure (Node would throw an English EPIPE stack otherwise). A full disk
 * (`> /dev/full`) or a closed file is: said once on stderr, and a run that would have exited 0 exits 2,
 * so a script never takes a lost document for a delivered one.
 */
const STDOUT_HINT = '请把输出重定向到一个可以写入、有空间的文件，然后重试。';

export function stdoutLoss(stderr: (text: string) => void): {
  onError: (e: NodeJS.ErrnoException) => void;
  lost: () => boolean;
} {
  let lost = false;
  return {
    onError: (e) => {
      if (e.code === 'EPIPE' || lost) return;
      lost = true;
      // Worded as failureText words a failure (failure.ts imports this module's types: no import back).
      stderr(`错误：无法写出结果（标准输出）：${systemReason(e, 'write')}。\n  → ${STDOUT_HINT}\n`);
    },
    lost: () => lost,
  };
}

function guardStdout(): void {
  const loss = stdoutLoss((t) => void process.stderr.write(t));
  process.stdout.on('error', loss.onError);
  process.once('exit', () => {
    if (loss.lost() && !process.exitCode) process.exitCode = EXIT.usage;
  });
}

/**
 * Colours: FORCE_COLOR forces them on (FORCE_COLOR=0 off), else none with
 * NO_COLOR or TERM=dumb, else only on a terminal. The same conventions as
 * Node's own and chalk's, so one setting in CI serves every tool.
 */
export function colourOn(io: CliIo): boolean {
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase());
  return io.isTty && !('NO_COLOR' in io.env) && io.env.TERM !== 'dumb';
}

/** Whether the cursor may be moved (live progress): a terminal that is not TERM=dumb. */
export function liveTerminal(io: CliIo): boolean {
  return io.isTty && io.env.TERM !== 'dumb';
}

export function paint(io: CliIo): (code: number, text: string) => string {
  const on = colourOn(io);
  return (code, text) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);
}
