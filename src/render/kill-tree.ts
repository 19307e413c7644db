/**
 * Ending a Chromium that no longer answers: SIGKILL to every process of its
 * tree. Puppeteer starts it as the leader of its own process group, but the
 * crash handler leaves that group (it is re-parented to PID 1); it is found by
 * the run folder in its command line (its database lives there).
 */
import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

interface ProcInfo {
  pid: number;
  ppid: number;
  pgrp: number;
  cmdline: string;
}

function readProc(pid: number): ProcInfo | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised name: state ppid pgrp ...
    const [, ppid, pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    return { pid, ppid: Number(ppid), pgrp: Number(pgrp), cmdline };
  } catch {
    return null; // it ended while the table was being read
  }
}

/** On Linux: the leader, its group, its descendants, and any process naming the run folder. */
export function treeOf(leader: number, marker: string): number[] {
  const all = readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n))
    .map((n) => readProc(Number(n)))
    .filter((p): p is ProcInfo => p !== null);
  const found = new Set<number>([leader]);
  for (const p of all) if (p.pgrp === leader || (marker && p.cmdline.includes(marker))) found.add(p.pid);
  // Descendants that changed group: follow parent links until nothing is added.
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all)
      if (!found.has(p.pid) && found.has(p.ppid)) {
        found.add(p.pid);
        grew = true;
      }
  }
  found.delete(process.pid);
  return [...found];
}

function signal(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch (e) {
    // ESRCH: it has already exited, which is what we want.
    if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e;
  }
}

/** Kills the tree and resolves once the leader has exited (the caller bounds the wait). */
export function killProcessTree(child: ChildProcess, marker: string): Promise<void> {
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  const pid = child.pid as number;
  if (process.platform === 'linux') for (const p of treeOf(pid, marker)) signal(p);
  else if (process.platform !== 'win32') {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      signal(pid); // no group of its own: the leader at least
    }
  } else child.kill('SIGKILL');
  return exited;
}
