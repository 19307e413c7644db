/**
 * When the preview rebuilds: once an editor's save has ended, and one
 * rebuild at a time. A save is a burst of file events (truncate and write,
 * or write a temporary file, rename it over the old one and touch the
 * folder); the rebuild starts once no event has come for the quiet period.
 * Every event restarts the wait and an event during a rebuild queues one
 * more, so the last save is always built, whatever the timing. Apart from
 * preview-server.ts so that the timing is tested with a fake clock.
 */

/** The clock the quiet period runs on: the real timers, or a test's. */
export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const REAL_TIMERS: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * 100 ms: chokidar (Vite's watcher) waits as long by default to join an
 * atomic save's delete and re-create into one change. The 200 ms this
 * replaces was a fifth of the preview's one-second budget (issue 15), for
 * bursts that end within milliseconds. Too short a wait costs only a
 * rebuild more, never a stale page (see above).
 */
export const QUIET_MS = 100;

export interface QuietPeriod {
  /** A file changed: (re)start the wait. */
  changed(): void;
  /** Forget a pending wait (the preview is closing). */
  cancel(): void;
}

/** Calls `then` once `ms` have passed without a change. */
export function quietPeriod(then: () => void, ms = QUIET_MS, timers: Timers = REAL_TIMERS): QuietPeriod {
  let pending: unknown = null;
  const cancel = () => {
    if (pending !== null) timers.clear(pending);
    pending = null;
  };
  return {
    changed: () => {
      cancel();
      pending = timers.set(() => {
        pending = null;
        then();
      }, ms);
    },
    cancel,
  };
}

/** One rebuild at a time: a save during a rebuild queues exactly one more. */
export function oneAtATime(rebuild: () => Promise<void>): { trigger: () => Promise<void>; stop: () => Promise<void> } {
  let running: Promise<void> | null = null;
  let pending = false;
  const trigger = (): Promise<void> => {
    if (running) {
      pending = true;
      return running;
    }
    running = rebuild().finally(() => {
      running = null;
      if (pending) {
        pending = false;
        void trigger();
      }
    });
    return running;
  };
  const stop = async () => {
    pending = false;
    await running;
  };
  return { trigger, stop };
}
