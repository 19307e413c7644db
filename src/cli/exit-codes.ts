import type { ErrorKind } from '../model/errors.js';

/** The exit-code contract scripts rely on (documented in the README). */
export const EXIT = {
  ok: 0,
  invalidData: 1,
  usage: 2,
  unreadableInput: 3,
  browser: 4,
  /** A bug in bulletin, not in the user's input. */
  internal: 70,
  /** Stopped by SIGINT (Ctrl+C) / SIGTERM: browser closed, nothing written. */
  interrupted: 130,
  terminated: 143,
} as const;

export function exitCodeFor(kind: ErrorKind): number {
  switch (kind) {
    case 'data':
      return EXIT.invalidData;
    case 'usage':
    case 'config':
      return EXIT.usage;
    case 'input':
      return EXIT.unreadableInput;
    case 'browser':
      return EXIT.browser;
    case 'internal':
      return EXIT.internal;
  }
}
