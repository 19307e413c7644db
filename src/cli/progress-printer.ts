import type { ProgressEvent } from '../pipeline/progress.js';
import { paint, type CliIo } from './io.js';

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
 * a tick and its time when the next one starts; piped or in CI (not a
 * terminal), one plain line per phase with the time the previous one took.
 */
export function progressPrinter(io: CliIo, now: () => number = () => performance.now()): ProgressDisplay {
  const c = paint(io);
  let current: { line: string; start: number } | null = null;
  const ms = (t: number) => `${Math.round(now() - t)} ms`;
  if (!io.isTty) {
    let last = now();
    return {
      onProgress: (e) => {
        io.stderr(`${c(36, `[${LABEL[e.phase]}]`)} ${e.message} ${c(2, `(+${ms(last)})`)}\n`);
        last = now();
      },
      done: () => undefined,
    };
  }
  const close = () => {
    if (current) io.stderr(`\r\u001b[2K${c(32, '✓')} ${current.line} ${c(2, ms(current.start))}\n`);
    current = null;
  };
  return {
    onProgress: (e) => {
      close();
      current = { line: `${c(36, LABEL[e.phase])} ${e.message}`, start: now() };
      io.stderr(`${c(33, '…')} ${current.line}`);
    },
    done: close,
  };
}
