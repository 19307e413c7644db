import { processInterrupts, type InterruptTrap } from './interrupts.js';

/** What the CLI may touch of the outside world; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Whether stderr is a terminal (colours, live progress). */
  isTty: boolean;
  /** Traps SIGINT/SIGTERM while a build runs (absent: signals keep their default effect). */
  trapInterrupts?: () => InterruptTrap;
}

export function processIo(): CliIo {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    cwd: process.cwd(),
    env: process.env,
    isTty: Boolean(process.stderr.isTTY),
    trapInterrupts: () => processInterrupts(),
  };
}

/** Colours only on a terminal and never when NO_COLOR is set. */
export function paint(io: CliIo): (code: number, text: string) => string {
  const on = io.isTty && !('NO_COLOR' in io.env) && io.env.TERM !== 'dumb';
  return (code, text) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);
}
