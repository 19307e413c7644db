/**
 * The CI contract where the process meets its surroundings: stdout that
 * cannot be written, and signals to the commands that start no browser.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { stdoutLoss } from '../../src/cli/io.js';
import { runCli, stoppedWhileLoading } from '../../src/cli/run-cli.js';
import { withStdinFile } from '../../src/cli/validate-stdin.js';
import { BIN, sampleProject } from '../helpers/cli.js';

/** A test CliIo that keeps what is written; `more` replaces or adds fields. */
function keptIo(more: Partial<CliIo> = {}): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    cwd: sampleProject(),
    env: { NO_COLOR: '1' },
    isTty: false,
    ...more,
    out: () => out,
    err: () => err,
  };
}

describe('stdout that cannot be written', () => {
  it.runIf(process.platform === 'linux')('> /dev/full: exit 2 and a Chinese message, not a stack trace', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, 'validate', 'data/2022Q3', '--json', '--quiet'], {
        cwd: sampleProject(),
        stdio: ['ignore', full, 'pipe'],
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(
        '错误：无法写出结果（标准输出）：磁盘已满。\n  → 请把输出重定向到一个可以写入、有空间的文件，然后重试。\n',
      );
    } finally {
      closeSync(full);
    }
  });

  it('a reader that went away (EPIPE) is no failure; anything else is said once', () => {
    const said: string[] = [];
    const loss = stdoutLoss((t) => void said.push(t));
    loss.onError(Object.assign(new Error('EPIPE'), { code: 'EPIPE' }));
    expect([loss.lost(), said]).toEqual([false, []]);
    loss.onError(Object.assign(new Error('EIO'), { code: 'EIO' }));
    loss.onError(Object.assign(new Error('EIO'), { code: 'EIO' }));
    expect(loss.lost()).toBe(true);
    expect(said).toEqual([
      '错误：无法写出结果（标准输出）：读写磁盘时出错（磁盘可能已损坏）。\n  → 请把输出重定向到一个可以写入、有空间的文件，然后重试。\n',
    ]);
  });
});

describe('validate, stats and compare stopped by a signal', () => {
  it('validate - waiting for its input: SIGTERM ends it with 143 and the one JSON document', async () => {
    const stop = new AbortController();
    const io = keptIo({
      // Standard input that never ends (a pipe nobody closes); the signal comes while it is read.
      readStdin: () => {
        queueMicrotask(() => stop.abort('SIGTERM'));
        return new Promise(() => undefined);
      },
      trapInterrupts: () => ({ signal: stop.signal, release: () => undefined }),
    });
    const code = await runCli(['validate', '-', '--kind', 'recalls', '--json'], io);
    expect(code).toBe(143);
    expect(JSON.parse(io.out())).toMatchObject({ ok: false, error: { code: 'interrupted', exitCode: 143 } });
    expect(io.err()).toBe('已停止（收到 SIGTERM）：没有写入任何文件。\n');
  });

  it('doctor --json stopped by SIGINT: 130 and the failure document (it printed nothing)', async () => {
    const stop = new AbortController();
    const io = keptIo({
      env: { NO_COLOR: '1', BULLETIN_BROWSER: '/nonexistent/chrome' },
      trapInterrupts: () => {
        queueMicrotask(() => stop.abort('SIGINT'));
        return { signal: stop.signal, release: () => undefined };
      },
    });
    expect(await runCli(['doctor', '--json'], io)).toBe(130);
    expect(JSON.parse(io.out())).toMatchObject({ ok: false, error: { code: 'interrupted', exitCode: 130 } });
  });

  // bin/bulletin.js notes a signal that comes while it loads the CLI (it was Node's default: no document).
  it('a signal while the CLI loads is a stop too: 143 and, with --json, the document', () => {
    const io = keptIo();
    expect(stoppedWhileLoading('SIGTERM', ['validate', 'data/2022Q3', '--json'], io)).toBe(143);
    expect(JSON.parse(io.out()).error).toMatchObject({ code: 'interrupted', exitCode: 143 });
    expect(io.err()).toBe('已停止（收到 SIGTERM）：没有写入任何文件。\n');
  });

  it('the copy of standard input is removed when the stop comes, before the process ends', async () => {
    const stop = new AbortController();
    let copy = '';
    const io = { readStdin: async () => Buffer.from('a,b\n1,2\n') } as unknown as CliIo;
    await withStdinFile(io, { signal: stop.signal }, async (dir) => {
      copy = dir;
      expect(existsSync(dir)).toBe(true);
      stop.abort('SIGINT');
      expect(existsSync(dir)).toBe(false);
      return { files: [], findings: [] } as never;
    });
    expect(copy).not.toBe('');
  });
});

// `stats --json --csv` printed the JSON and dropped the CSV without a word.
describe('one output format at a time', () => {
  it.each([
    ['stats', '--quarter', '2022Q3', '--json', '--csv'],
    ['compare', '2022Q2', '2022Q3', '--md', '--csv'],
    ['validate', 'data/2022Q3', '--csv', '--json'],
  ])('%s with two formats is a usage error, in Chinese, with the --json document when asked', async (...args) => {
    const io = keptIo();
    expect(await runCli(args, io)).toBe(2);
    expect(io.err()).toMatch(/错误：选项 --\w+ 不能和 --\w+ 一起使用（一次只能选一种输出格式）。/);
    if (args.includes('--json')) expect(JSON.parse(io.out()).error.code).toBe('usage.conflictingOption');
  });
});
