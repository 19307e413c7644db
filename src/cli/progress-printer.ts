import type { ProgressEvent } from '../pipeline/progress.js';
import { paint, type CliIo } from './io.js';

const LABEL: Record<ProgressEvent['phase'], string> = {
  read: '读取',
  validate: '检查',
  compute: '统计',
  render: '排版',
  pdf: 'PDF',
  write: '写入',
};

/** One plain line per phase with elapsed time since the previous one. */
export function progressPrinter(io: CliIo, now: () => number = () => performance.now()): (e: ProgressEvent) => void {
  const c = paint(io);
  let last = now();
  return (e) => {
    const t = now();
    io.stderr(`${c(36, `[${LABEL[e.phase]}]`)} ${e.message} ${c(2, `(+${Math.round(t - last)} ms)`)}\n`);
    last = t;
  };
}
