import { describe, expect, it } from 'vitest';
import { progressPrinter } from '../../src/cli/progress-printer.js';
import type { CliIo } from '../../src/cli/io.js';

function io(isTty: boolean, env: Record<string, string> = {}): CliIo & { err: string } {
  const o = { err: '', stdout: () => undefined, stderr: (t: string) => void (o.err += t), cwd: '/', env, isTty };
  return o;
}

describe('progress display', () => {
  const clock = () => {
    let t = 0;
    return () => (t += 10);
  };

  it('prints plain lines with times when not on a terminal', () => {
    const out = io(false);
    const p = progressPrinter(out, clock());
    p.onProgress({ phase: 'read', message: '读取 recalls.xlsx' });
    p.onProgress({ phase: 'pdf', message: '打印 PDF：第 1 遍排版，23 页' });
    p.done();
    expect(out.err).toBe('[读取] 读取 recalls.xlsx (+10 ms)\n[PDF] 打印 PDF：第 1 遍排版，23 页 (+10 ms)\n');
  });

  it('on a terminal rewrites the live phase in place, in colour unless NO_COLOR', () => {
    const out = io(true);
    const p = progressPrinter(out, clock());
    p.onProgress({ phase: 'read', message: 'a' });
    p.onProgress({ phase: 'write', message: 'b' });
    p.done();
    expect(out.err).toContain('\r\u001b[2K');
    expect(out.err).toContain('\u001b[32m✓\u001b[0m');
    const plain = io(true, { NO_COLOR: '1' });
    const q = progressPrinter(plain, clock());
    q.onProgress({ phase: 'read', message: 'a' });
    q.done();
    expect(plain.err).toBe('… 读取 a\r\u001b[2K✓ 读取 a 10 ms\n');
  });
});
