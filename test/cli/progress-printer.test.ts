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

  it("piped, prints one plain line per phase when it ends, with that phase's own duration", () => {
    const out = io(false);
    let t = 0;
    const p = progressPrinter(out, () => t);
    p.onProgress({ phase: 'read', message: '读取 recalls.xlsx' });
    t = 40;
    p.onProgress({ phase: 'pdf', message: '打印 PDF：第 1 遍排版，23 页' });
    expect(out.err).toBe('[读取] 读取 recalls.xlsx (40 ms)\n');
    t = 1040;
    p.done();
    expect(out.err).toBe('[读取] 读取 recalls.xlsx (40 ms)\n[PDF] 打印 PDF：第 1 遍排版，23 页 (1000 ms)\n');
  });

  it('moves no cursor and writes no escape codes with TERM=dumb, even on a terminal', () => {
    const out = io(true, { TERM: 'dumb' });
    const p = progressPrinter(out, clock());
    p.onProgress({ phase: 'read', message: 'a' });
    p.done();
    expect(out.err).toBe('[读取] a (10 ms)\n');
  });

  it('FORCE_COLOR colours a pipe; FORCE_COLOR=0 turns colours off on a terminal', () => {
    const forced = io(false, { FORCE_COLOR: '1' });
    const p = progressPrinter(forced, clock());
    p.onProgress({ phase: 'read', message: 'a' });
    p.done();
    expect(forced.err).toBe('\u001b[36m[读取]\u001b[0m a \u001b[2m(10 ms)\u001b[0m\n');
    const off = io(true, { FORCE_COLOR: '0' });
    const q = progressPrinter(off, clock());
    q.onProgress({ phase: 'read', message: 'a' });
    q.done();
    expect(off.err).toBe('… 读取 a\r\u001b[2K✓ 读取 a 10 ms\n');
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
