import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import puppeteer from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumCommandLine } from '../../src/render/chromium-args.js';
import { pipeTransport, spawnChromium } from '../../src/render/chromium-process.js';
import { launchChromium } from '../../src/render/chromium.js';
import { tempDir } from '../helpers/cli.js';
import { eventually, isAlive, processesNaming } from '../helpers/processes.js';

describe('Chromium’s command line', () => {
  it.each([[[]], [['--proxy-server=http://127.0.0.1:9', '--disable-features=Foo', '--enable-features=Bar']]])(
    'is the one puppeteer.launch() gave it (this version’s defaults, our flags, a pipe): extra %j',
    (extra) => {
      const launched = puppeteer.defaultArgs({
        headless: true,
        userDataDir: '/run/x/profile',
        args: [...CHROMIUM_ARGS, ...extra],
      });
      expect(chromiumCommandLine('/run/x/profile', extra)).toEqual([...launched, '--remote-debugging-pipe']);
    },
  );
});

/** Messages written to `chunks` split at the given offsets arrive whole, in order. */
function received(text: string, cuts: number[]): string[] {
  const toChromium = new PassThrough();
  const fromChromium = new PassThrough();
  const transport = pipeTransport(toChromium, fromChromium);
  const got: string[] = [];
  transport.onmessage = (m) => got.push(m);
  const bytes = Buffer.from(text, 'utf8');
  let at = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < bytes.length)].sort((a, b) => a - b)) {
    fromChromium.write(bytes.subarray(at, cut));
    at = cut;
  }
  fromChromium.write(bytes.subarray(at));
  return got;
}

describe('the DevTools pipe', () => {
  it('sends each message ended by a NUL byte', () => {
    const toChromium = new PassThrough();
    const transport = pipeTransport(toChromium, new PassThrough());
    transport.send('{"id":1}');
    transport.send('{"id":2,"method":"页"}');
    expect(toChromium.read().toString('utf8')).toBe('{"id":1}\0{"id":2,"method":"页"}\0');
  });

  it('receives whole messages however the bytes are cut (within a character too), and tells a close', () => {
    const messages = [
      '{"id":1,"result":{}}',
      '{"method":"Target.attached","params":{"title":"湖南缺陷产品召回"}}',
      '{}',
    ];
    const text = messages.map((m) => `${m}\0`).join('');
    const length = Buffer.byteLength(text);
    for (let seed = 1; seed <= 200; seed++) {
      const cuts = Array.from({ length: seed % 7 }, (_, i) => ((seed * 7919 + i * 104729) % length) + 1);
      expect(received(text, cuts), `cuts ${cuts.join(',')}`).toEqual(messages);
    }
    const fromChromium = new PassThrough();
    const transport = pipeTransport(new PassThrough(), fromChromium);
    let closed = false;
    transport.onclose = () => void (closed = true);
    fromChromium.destroy();
    return new Promise<void>((resolve) => setImmediate(() => (expect(closed).toBe(true), resolve())));
  });
});

/** A stand-in for Chromium: a shell script run with Chromium's flags. */
function fakeBrowser(script: string): string {
  const file = join(tempDir(), 'chrome');
  writeFileSync(file, `#!/bin/sh\n${script}\n`);
  chmodSync(file, 0o755);
  return file;
}

describe('starting the process', () => {
  it('one that exits while starting: the start fails with its exit and its last words on stderr', async () => {
    const runDir = tempDir();
    const started = spawnChromium({
      executablePath: fakeBrowser('echo "no display here" >&2\nexit 3'),
      runDir,
      env: {},
    });
    expect((await started.failed).message).toMatch(
      /Failed to launch the browser process: it exited \(3\)[^]*no display here/,
    );
    await started.exited;
  });

  it('one that cannot be run at all: the start fails with the system’s reason', async () => {
    const started = spawnChromium({ executablePath: join(tempDir(), 'missing'), runDir: tempDir(), env: {} });
    expect((await started.failed).message).toMatch(/ENOENT/);
  });

  it('a running one answers over fds 3 and 4, gets our flags and environment, is killed if Node exits first, and its later exit is no start failure', async () => {
    // Echoes what it reads on fd 3 back on fd 4, as Chromium answers on its pipe.
    const echo = fakeBrowser('echo "$@" > "$RUN_DIR/args"\nexec cat <&3 >&4');
    const runDir = tempDir();
    const exitHooks = process.listenerCount('exit');
    const started = spawnChromium({ executablePath: echo, runDir, env: { RUN_DIR: runDir } });
    expect(process.listenerCount('exit'), 'killed if Node exits first').toBe(exitHooks + 1);
    const answer = new Promise<string>((resolve) => (started.transport.onmessage = resolve));
    started.transport.send('{"id":7}');
    expect(await answer).toBe('{"id":7}');
    started.settled();
    let failed = false;
    void started.failed.then(() => (failed = true));
    started.transport.close(); // cat ends with its input
    await started.exited;
    await new Promise((r) => setImmediate(r));
    expect(failed).toBe(false);
    expect(process.listenerCount('exit'), 'nothing left to kill').toBe(exitHooks);
    const args = readFileSync(join(runDir, 'args'), 'utf8');
    expect(args).toContain(`--user-data-dir=${join(runDir, 'profile')}`);
    expect(args).toContain('--remote-debugging-pipe');
    expect(args).toContain('--headless=new');
  });
});

describe('launching', () => {
  it('stopped while Chromium has not answered: fails with the stop’s reason, the process killed, nothing left unhandled', async () => {
    // A browser that keeps the pipe open and never answers; the seconds mark this test's process.
    const marker = `${700 + (process.pid % 100)}.75`;
    const silent = fakeBrowser(`exec sleep ${marker}`);
    const stop = new AbortController();
    const launching = launchChromium({ executablePath: silent, runDir: tempDir(), env: {}, signal: stop.signal });
    await eventually(() => processesNaming(`sleep ${marker}`).length > 0, 'the fake browser is running');
    const reason = new Error('stopped by the test');
    stop.abort(reason);
    await expect(launching).rejects.toBe(reason);
    // Killed (SIGKILL to its group) before the launch failed; the connection that then closes is no error.
    expect(processesNaming(`sleep ${marker}`).filter((p) => isAlive(p.pid))).toEqual([]);
  });
});
