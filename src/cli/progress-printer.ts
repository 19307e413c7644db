import type { ProgressEvent } from '../model/progress.js';
import { liveTerminal, paint, type CliIo } from './io.js';

const LABEL: Record<ProgressEvent['phase'], string> = {
  read: '读取',
  validate: '检查',
  compute: '统计',
  render: '排版',
  pdf: 'PDF',
  docx: 'Word',
  write: '写入',
};

export interface ProgressDisplay {
  onProgress: (e: ProgressEvent) => void;
  /** Closes the last phase (with its time). */
  done: () => void;
}

/**
 * On a terminal, the current phase is shown live and rewritten in place with
 * a tick and its time when the next one starts. Piped, in CI or with
 * TERM=dumb, one plain line per phase, written when it ends, with that
 * phase's own duration (no cursor movement).
 */
export function progressPrinter(io: CliIo, now: () => number = () => performance.now()): ProgressDisplay {
  const c = paint(io);
  const live = liveTerminal(io);
  let current: { label: string; message: string; start: number } | null = null;
  const ms = (t: number) => `${Math.round(now() - t)} ms`;
  const close = () => {
    if (!current) return;
    const took = ms(current.start);
    io.stderr(
      live
        ? `\r\u001b[2K${c(32, '✓')} ${c(36, current.label)} ${current.message} ${c(2, took)}\n`
        : `${c(36, `[${current.label}]`)} ${current.message} ${c(2, `(${took})`)}\n`,
    );
    current = null;
  };
  return {
    onProgress: (e) => {
      close();
      current = { label: LABEL[e.phase], message: e.message, start: now() };
      if (live) io.stderr(`${c(33, '…')} ${c(36, current.label)} ${current.message}`);
    },
    done: close,
  };
}
