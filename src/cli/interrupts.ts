/**
 * Stopping a run cleanly: SIGINT (Ctrl+C) and SIGTERM (CI cancelling a job)
 * abort the work's signal; the work closes its browser and writes nothing,
 * and the run ends with 130 or 143 and a message saying so.
 */
import { failureJson } from './failure.js';
import type { CliIo } from './io.js';

import { exitCodeOf, type InterruptName } from './interrupt-trap.js';

export { exitCodeOf, processInterrupts, type InterruptName, type InterruptTrap } from './interrupt-trap.js';

/**
 * Runs `work` with the signals trapped. When it fails because it was stopped,
 * says so and returns 130/143; work that finished anyway keeps its own result.
 */
export async function withInterrupts(
  io: CliIo,
  work: (signal?: AbortSignal) => Promise<number>,
  json = false,
): Promise<number> {
  const trap = io.trapInterrupts?.();
  let told = false;
  const tell = (name: InterruptName, what: string): number => {
    if (told) return exitCodeOf(name);
    told = true;
    return reportStop(io, name, what, json);
  };
  // A second signal ends the process before the browser is closed: the document is still printed.
  trap?.beforeForcedExit?.((name) => tell(name, '没有写入任何文件，输出文件夹保持原样'));
  try {
    return await work(trap?.signal);
  } catch (e) {
    if (!trap?.signal.aborted) throw e;
    return tell(trap.signal.reason as InterruptName, '浏览器已关闭，没有写入任何文件，输出文件夹保持原样');
  } finally {
    trap?.release();
  }
}

/** Says the run was stopped, on stderr and (with --json) as the one document; returns 130/143. */
export function reportStop(io: CliIo, name: InterruptName, what: string, json: boolean): number {
  const message = `已停止（收到 ${name}）：${what}。`;
  io.stderr(`${message}\n`);
  // A cancelled CI job still hands its script one document, not an empty file.
  if (json) io.stdout(failureJson({ code: 'interrupted', message, hint: '', exitCode: exitCodeOf(name) }));
  return exitCodeOf(name);
}

/**
 * For commands that write nothing (validate, stats, compare, doctor): a
 * signal ends the run at once with 130/143 and, with --json, its document;
 * the work is abandoned (bin/bulletin.js exits at once after a stop). The
 * browser doctor tries runs over a pipe and ends with the process; its run
 * folder goes with the next run's sweep. `work` gets the signal, to remove
 * what it holds (validate -'s copy of standard input), and an io that goes
 * quiet once the stop is reported: abandoned work never adds a second
 * document (runCli may run inside another program, which does not exit).
 */
export async function stopOnInterrupt(
  io: CliIo,
  work: (io: CliIo, signal?: AbortSignal) => Promise<number>,
  json = false,
): Promise<number> {
  const trap = io.trapInterrupts?.();
  if (!trap) return work(io);
  const quiet = () => trap.signal.aborted;
  const gated: CliIo = {
    ...io,
    stdout: (t) => void (quiet() || io.stdout(t)),
    stderr: (t) => void (quiet() || io.stderr(t)),
  };
  const stopped = new Promise<number>((resolve) =>
    trap.signal.addEventListener(
      'abort',
      () => resolve(reportStop(io, trap.signal.reason as InterruptName, '没有写入任何文件', json)),
      { once: true },
    ),
  );
  try {
    return await Promise.race([work(gated, trap.signal), stopped]);
  } finally {
    trap.release();
  }
}
