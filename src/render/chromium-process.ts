/**
 * Chromium's process and its DevTools pipe, started without Puppeteer: the
 * process is spawned first and Puppeteer (a tenth of a second to load) is
 * loaded while Chromium starts, which launch() cannot do. The pipe is
 * Chromium's --remote-debugging-pipe: it reads JSON messages ended by a NUL
 * byte on fd 3 and writes them on fd 4. Chromium quits when the pipe
 * closes, so it cannot outlive this process however it ends; a normal exit
 * of Node also kills it at once, as Puppeteer's launch() did.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { chromiumCommandLine, profileIn } from './chromium-args.js';

/** What Puppeteer's connect() needs of a connection (its ConnectionTransport). */
export interface PipeTransport {
  send(message: string): void;
  close(): void;
  onmessage?: (message: string) => void;
  onclose?: () => void;
}

export interface ChromiumProcess {
  readonly child: ChildProcess;
  readonly transport: PipeTransport;
  /** Why the start failed: the program cannot be run, or it exited before `settled()`. Pending otherwise. */
  readonly failed: Promise<Error>;
  /** Resolves when the process has exited. */
  readonly exited: Promise<void>;
  /** The start is over (connected or given up): a later exit is no longer a start failure. */
  settled(): void;
}

export interface SpawnRequest {
  executablePath: string;
  runDir: string;
  env: Record<string, string | undefined>;
  extraArgs?: readonly string[];
}

/** Chromium's last lines on stderr, for the message when it does not start. */
const STDERR_LINES = 20;

export function pipeTransport(toChromium: Writable, fromChromium: Readable): PipeTransport {
  const transport: PipeTransport = {
    send: (message) => void toChromium.write(`${message}\0`),
    close: () => void toChromium.end(),
  };
  let pending: Buffer[] = [];
  fromChromium.on('data', (chunk: Buffer) => {
    let start = 0;
    for (let end = chunk.indexOf(0); end >= 0; end = chunk.indexOf(0, start)) {
      pending.push(chunk.subarray(start, end));
      const message = Buffer.concat(pending).toString('utf8');
      pending = [];
      start = end + 1;
      transport.onmessage?.(message);
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  });
  fromChromium.on('close', () => transport.onclose?.());
  // A write after Chromium has gone fails with EPIPE: the lost connection is what reports it.
  toChromium.on('error', () => undefined);
  fromChromium.on('error', () => undefined);
  return transport;
}

function stderrTail(child: ChildProcess): () => string {
  const lines: string[] = [];
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (text: string) => {
    lines.push(...text.split('\n').filter((l) => l.trim() !== ''));
    lines.splice(0, Math.max(0, lines.length - STDERR_LINES));
  });
  return () => lines.join('\n');
}

/** Starts Chromium now; the caller connects through `transport` and kills `child` to end it. */
export function spawnChromium(request: SpawnRequest): ChromiumProcess {
  const child = spawn(request.executablePath, chromiumCommandLine(profileIn(request.runDir), request.extraArgs), {
    env: request.env,
    // Its own process group, as Puppeteer starts it: kill-tree.ts ends the whole group.
    detached: process.platform !== 'win32',
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
  });
  const tail = stderrTail(child);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  // Sync, at the last moment of a Node that ends normally (a crash of Node closes the pipe instead).
  const killOnExit = () => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));
  let starting = true;
  const failed = new Promise<Error>((resolve) => {
    child.once('error', resolve);
    void exited.then(() => {
      const how = child.exitCode ?? child.signalCode;
      if (starting)
        resolve(new Error(`Failed to launch the browser process: it exited (${how}) while starting\n${tail()}`));
    });
  });
  const [, , , toChromium, fromChromium] = child.stdio;
  return {
    child,
    transport: pipeTransport(toChromium as Writable, fromChromium as Readable),
    failed,
    exited,
    settled: () => void (starting = false),
  };
}
