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
  // `bulletin stats --json | head`: the reader has gone; the rest of the output has nowhere to go, and
  // that is no failure to report (Node would throw an English EPIPE stack otherwise). Other errors still throw.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
  return {
    stdout: (t) => void process.stdout.write(t),
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
