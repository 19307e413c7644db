import { describe, expect, it } from 'vitest';
import { processInterrupts, withInterrupts, type InterruptTrap } from '../../src/cli/interrupts.js';
import type { CliIo } from '../../src/cli/io.js';

function io(trap: InterruptTrap): CliIo & { err: string[] } {
  const err: string[] = [];
  return {
    stdout: () => undefined,
    stderr: (t) => void err.push(t),
    cwd: '.',
    env: {},
    isTty: false,
    trapInterrupts: () => trap,
    err,
  };
}

function fakeTrap() {
  const stop = new AbortController();
  let released = 0;
  const trap: InterruptTrap = { signal: stop.signal, release: () => void released++ };
  return { trap, send: (name: string) => stop.abort(name), released: () => released };
}

describe('withInterrupts', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ])('a build stopped by %s ends with %i and says so in Chinese', async (name, code) => {
    const t = fakeTrap();
    const cli = io(t.trap);
    const result = await withInterrupts(cli, async (signal) => {
      t.send(name);
      throw signal?.reason;
    });
    expect(result).toBe(code);
    expect(cli.err.join('')).toBe(`已停止（收到 ${name}）：浏览器已关闭，没有写入任何文件，输出文件夹保持原样。\n`);
    expect(t.released()).toBe(1);
  });

  it('with --json prints one failure document (code interrupted, the exit code) on stdout', async () => {
    const t = fakeTrap();
    const out: string[] = [];
    const cli = { ...io(t.trap), stdout: (s: string) => void out.push(s) };
    const result = await withInterrupts(
      cli,
      async (signal) => {
        t.send('SIGTERM');
        throw signal?.reason;
      },
      true,
    );
    expect(result).toBe(143);
    const doc = JSON.parse(out.join(''));
    expect(doc).toMatchObject({ ok: false, error: { code: 'interrupted', exitCode: 143 } });
    expect(doc.error.message).toContain('收到 SIGTERM');
  });

  it('work that finished anyway keeps its own result; an error without a signal is not an interruption', async () => {
    const t = fakeTrap();
    expect(
      await withInterrupts(io(t.trap), async () => {
        t.send('SIGTERM');
        return 0;
      }),
    ).toBe(0);
    const u = fakeTrap();
    await expect(withInterrupts(io(u.trap), () => Promise.reject(new Error('bad')))).rejects.toThrow('bad');
    expect(u.released()).toBe(1);
  });
});

describe('processInterrupts', () => {
  it('the first SIGTERM aborts the signal; a second one exits at once; release restores the default', () => {
    const exits: number[] = [];
    const before = process.listenerCount('SIGTERM');
    const trap = processInterrupts(((code: number) => void exits.push(code)) as (code: number) => never);
    process.emit('SIGTERM', 'SIGTERM');
    expect(trap.signal.reason).toBe('SIGTERM');
    expect(exits).toEqual([]);
    process.emit('SIGTERM', 'SIGTERM');
    expect(exits).toEqual([143]);
    trap.release();
    expect(process.listenerCount('SIGTERM')).toBe(before);
  });

  // SIGINT twice during a build left stdout empty: the --json promise holds on a forced exit too.
  it('a second signal during a --json build prints the one failure document before the process ends', async () => {
    const exits: number[] = [];
    const trap = processInterrupts(((code: number) => void exits.push(code)) as (code: number) => never);
    const out: string[] = [];
    const cli = { ...io(trap), stdout: (t: string) => void out.push(t) };
    let finish: (code: number) => void = () => undefined;
    const running = withInterrupts(cli, () => new Promise<number>((r) => (finish = r)), true);
    process.emit('SIGINT', 'SIGINT');
    process.emit('SIGINT', 'SIGINT');
    expect(exits).toEqual([130]);
    expect(out).toHaveLength(1);
    expect(JSON.parse(out[0]!)).toMatchObject({ ok: false, error: { code: 'interrupted', exitCode: 130 } });
    // Had the process not ended (a fake exit here), the work's end adds no second document.
    finish(0);
    await running;
    expect(out).toHaveLength(1);
  });
});
