/** The process's SIGINT and SIGTERM, trapped while a build runs (interrupts.ts says what a stop means). */
import { EXIT } from './exit-codes.js';

export type InterruptName = 'SIGINT' | 'SIGTERM';

export interface InterruptTrap {
  /** Aborted on SIGINT or SIGTERM; the reason is the signal's name. */
  signal: AbortSignal;
  /** Gives the signals their default handling back. */
  release(): void;
  /** What to say when a second signal ends the process at once (the run's last words: its document). */
  beforeForcedExit?(say: (name: InterruptName) => void): void;
}

/** The real process's signals. A second signal while the first is handled ends the process at once. */
export function processInterrupts(exitProcess: (code: number) => never = process.exit): InterruptTrap {
  const stop = new AbortController();
  let lastWords: (name: InterruptName) => void = () => undefined;
  const forced = (name: InterruptName): never => {
    lastWords(name);
    return exitProcess(exitCodeOf(name));
  };
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((name) => {
    const handler = () => (stop.signal.aborted ? forced(name) : stop.abort(name));
    process.on(name, handler);
    return [name, handler] as const;
  });
  return {
    signal: stop.signal,
    release: () => handlers.forEach(([name, handler]) => process.off(name, handler)),
    beforeForcedExit: (say) => void (lastWords = say),
  };
}

export function exitCodeOf(name: InterruptName): number {
  return name === 'SIGINT' ? EXIT.interrupted : EXIT.terminated;
}
