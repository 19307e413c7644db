/**
 * Stopping a run cleanly: SIGINT (Ctrl+C) and SIGTERM (CI cancelling a job)
 * abort the work's signal; the work closes its browser and writes nothing,
 * and the run ends with 130 or 143 and a message saying so.
 */
import { EXIT } from './exit-codes.js';
import type { CliIo } from './io.js';

export type InterruptName = 'SIGINT' | 'SIGTERM';

export interface InterruptTrap {
  /** Aborted on SIGINT or SIGTERM; the reason is the signal's name. */
  signal: AbortSignal;
  /** Gives the signals their default handling back. */
  release(): void;
}

/** The real process's signals. A second signal while the first is handled ends the process at once. */
export function processInterrupts(exit: (code: number) => never = process.exit): InterruptTrap {
  const stop = new AbortController();
  const handlers = (['SIGINT', 'SIGTERM'] as const).map((name) => {
    const handler = () => (stop.signal.aborted ? exit(exitCodeOf(name)) : stop.abort(name));
    process.on(name, handler);
    return [name, handler] as const;
  });
  return {
    signal: stop.signal,
    release: () => handlers.forEach(([name, handler]) => process.off(name, handler)),
  };
}

export function exitCodeOf(name: InterruptName): number {
  return name === 'SIGINT' ? EXIT.interrupted : EXIT.terminated;
}

/**
 * Runs `work` with the signals trapped. When it fails because it was stopped,
 * says so and returns 130/143; work that finished anyway keeps its own result.
 */
export async function withInterrupts(io: CliIo, work: (signal?: AbortSignal) => Promise<number>): Promise<number> {
  const trap = io.trapInterrupts?.();
  try {
    return await work(trap?.signal);
  } catch (e) {
    if (!trap?.signal.aborted) throw e;
    const name = trap.signal.reason as InterruptName;
    io.stderr(`已停止（收到 ${name}）：浏览器已关闭，没有写入任何文件，输出文件夹保持原样。\n`);
    return exitCodeOf(name);
  } finally {
    trap?.release();
  }
}
