/**
 * Watching a spawned `bulletin build` and the Chromium processes of its run,
 * for the kill and signal tests. Waits are event-driven or bounded polls of
 * a condition, never fixed sleeps.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { BIN, sampleProject } from './cli.js';

export interface RunningBuild {
  child: ChildProcess;
  stderr: () => string;
  /** Resolves when stderr shows `text`; rejects at the deadline or if the build ends first. */
  waitFor(text: string, ms?: number): Promise<void>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Builds started and not yet seen to end: a failed test must not leave one frozen (SIGSTOP) or running. */
const started = new Set<ChildProcess>();

/** Ends every build a test started that still runs, and its Chromium (for afterEach): SIGKILL, which a stopped process obeys. */
export function endStartedBuilds(): void {
  for (const child of started) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const run = chromiumOfRun(child.pid!);
    child.kill('SIGKILL');
    for (const p of run) {
      try {
        process.kill(p.pid, 'SIGKILL');
      } catch {
        // ESRCH: it ended with its build meanwhile
      }
    }
  }
  started.clear();
}

export function startBuild(args: string[], env: Record<string, string> = {}): RunningBuild {
  const child = spawn(process.execPath, [BIN, 'build', ...args], {
    cwd: sampleProject(),
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  let err = '';
  const listeners = new Set<() => void>();
  child.stderr!.on('data', (d: Buffer) => {
    err += d.toString();
    listeners.forEach((l) => l());
  });
  child.stdout!.resume();
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  const waitFor = (text: string, ms = 90_000) =>
    new Promise<void>((resolve, reject) => {
      const done = (error?: Error) => {
        clearTimeout(timer);
        listeners.delete(check);
        if (error) reject(error);
        else resolve();
      };
      const check = () => void (err.includes(text) && done());
      const timer = setTimeout(() => done(new Error(`no “${text}” within ${ms} ms; stderr:\n${err}`)), ms);
      void exit.then(() => err.includes(text) || done(new Error(`build ended before “${text}”:\n${err}`)));
      listeners.add(check);
      check();
    });
  return { child, stderr: () => err, waitFor, exit };
}

/** A process's state letter from /proc/PID/stat, or null when it is gone. 'Z' (zombie) is dead. */
export function procState(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.charAt(stat.lastIndexOf(')') + 2);
  } catch {
    return null;
  }
}

export const isAlive = (pid: number): boolean => {
  const s = procState(pid);
  return s !== null && s !== 'Z';
};

/** Processes whose command line contains `text`. */
export function processesNaming(text: string): Array<{ pid: number; cmdline: string }> {
  const out: Array<{ pid: number; cmdline: string }> = [];
  for (const name of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ');
    } catch {
      continue; // ended while the table was read
    }
    if (cmdline.includes(text) && Number(name) !== process.pid) out.push({ pid: Number(name), cmdline });
  }
  return out;
}

/** The processes of bulletin process `pid`'s run: they name its run folder (Chromium's whole tree). */
export const chromiumOfRun = (pid: number) => processesNaming(`bulletin-${pid}-`).filter((p) => p.pid !== pid);

/** The run folders of bulletin process `pid`, in `root` (the TMPDIR it was given; by default ours). */
export const runFoldersOf = (pid: number, root = tmpdir()): string[] =>
  readdirSync(root).filter((n) => n.startsWith(`bulletin-${pid}-`));

/** Polls `condition` until it holds; fails at the deadline with `what`. */
export async function eventually(condition: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`still not true after ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
