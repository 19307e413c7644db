/**
 * Per-file CPU time, for finding the suite's heavy files on a shared machine
 * (wall times there say more about the other jobs than about the test).
 * Loaded as a setup file only when BULLETIN_TEST_CPU names a file to append
 * to (see vitest.config.ts): one JSON line per test file with the CPU seconds
 * of the worker (its threads included) and of the processes it started and
 * waited for (spawned CLIs, Chromium), module loading included; and the whole
 * machine's busy CPU seconds meanwhile (/proc/stat), which also counts what no
 * one waits for (Chromium's helper processes): the file's full cost when the
 * suite runs one file at a time (--maxWorkers=1).
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';

/** user+sys seconds of this process and of its reaped children (/proc/self/stat, 100 ticks a second). */
function cpu(): { self: number; children: number } {
  const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ').map(Number);
  return { self: (f[11]! + f[12]!) / 100, children: (f[13]! + f[14]!) / 100 };
}

/** Busy (not idle or iowait) CPU seconds of the whole machine since boot. */
function machineBusy(): number {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = f.reduce((a, b) => a + b, 0);
  return (total - f[3]! - f[4]!) / 100;
}

const start = cpu();
const machineStart = machineBusy();
const wallStart = Date.now();
let file = '';
beforeAll(({}, suite) => {
  file = 'filepath' in suite ? String(suite.filepath) : suite.name;
});
afterAll(() => {
  const end = cpu();
  const line = {
    file: file.replace(/.*\/test\//, 'test/'),
    self: +(end.self - start.self).toFixed(2),
    children: +(end.children - start.children).toFixed(2),
    machine: +(machineBusy() - machineStart).toFixed(2),
    wall: (Date.now() - wallStart) / 1000,
    // When and in which worker: to tell which file started the processes seen at a given time.
    start: wallStart / 1000,
    pid: process.pid,
  };
  appendFileSync(process.env.BULLETIN_TEST_CPU!, `${JSON.stringify(line)}\n`);
});
