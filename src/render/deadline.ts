/**
 * Waiting with a limit: nothing the build waits for may take forever. The
 * work itself is not cancelled here (a promise cannot be); the caller
 * decides what to do with what it abandoned (kill the browser, say so).
 */

/** Raised when the limit passed; the caller turns it into its own message. */
export class DeadlineExceeded extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = 'DeadlineExceeded';
  }
}

/**
 * `work`, or a rejection with DeadlineExceeded after `ms`, or with the
 * signal's reason as soon as it is aborted, whichever comes first. The timer
 * is cleared when the race ends, so it never keeps the process alive.
 */
export function bounded<T>(work: Promise<T>, ms: number, signal?: AbortSignal): Promise<T> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const onAbort = () => finish(() => reject(signal?.reason));
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      settle();
    };
    timer = setTimeout(() => finish(() => reject(new DeadlineExceeded(ms))), ms);
    signal?.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => finish(() => resolve(value)),
      (e: unknown) => finish(() => reject(e)),
    );
  });
}
