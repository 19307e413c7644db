// Timing helpers for bench/run.mjs: wall time and peak RSS of a spawned command,
// medians, and a table of cases with targets.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');

export const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/**
 * CPU seconds (user + system) of this process's waited-for children so far: each
 * child's own descendants are included once it has waited for them (Linux, /proc).
 */
function childrenCpu() {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 16 and 17 of proc(5) (cutime, cstime), in clock ticks of 1/100 s.
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/**
 * A cgroup (v1 cpuacct, when this process may make one: root in a container) that
 * counts the CPU of every process the command starts, even those nobody waits for:
 * Chromium's renderers are forked by its zygote and, when the browser quits, not
 * always reaped by a process of the tree, so their CPU (layout and printing) never
 * reaches cutime. Null when not possible: then childrenCpu() is the figure.
 */
const CPUACCT = '/sys/fs/cgroup/cpuacct';
let groups = 0;
function cpuGroup() {
  try {
    const dir = join(CPUACCT, `bulletin-bench-${process.pid}-${++groups}`);
    mkdirSync(dir);
    return dir;
  } catch {
    return null;
  }
}

function groupCpu(dir) {
  const s = Number(readFileSync(join(dir, 'cpuacct.usage'), 'utf8')) / 1e9;
  try {
    rmdirSync(dir);
  } catch {
    /* a process is still in it (an orphan): the folder stays, empty of meaning */
  }
  return s;
}

/** Wall time (s), CPU time (s, the command's process tree) and peak RSS (MB, VmHWM polled) of one command. */
export function measure(cmd, args, env = {}, cwd = ROOT) {
  return new Promise((done, fail) => {
    const start = performance.now();
    const cpu0 = childrenCpu();
    const group = cpuGroup();
    // The shell puts itself in the group, then becomes the command (same pid).
    const [file, argv] = group
      ? ['sh', ['-c', '{ echo $$ > "$0/cgroup.procs"; } 2>/dev/null; exec "$@"', group, cmd, ...args]]
      : [cmd, args];
    const child = spawn(file, argv, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let peak = 0;
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const poll = setInterval(() => {
      try {
        peak = Math.max(
          peak,
          Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024,
        );
      } catch {
        /* exited */
      }
    }, 20);
    child.on('exit', (code) => {
      clearInterval(poll);
      if (code !== 0) {
        if (group) groupCpu(group); // removes the group
        fail(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${err.slice(0, 400)}`));
      } else
        // A group the shell could not join counted nothing: then cutime's figure.
        done({
          s: (performance.now() - start) / 1000,
          cpu: (group && groupCpu(group)) || childrenCpu() - cpu0,
          rss: peak,
        });
    });
  });
}

const middle = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mid = (runs) => ({
  s: middle(runs.map((r) => r.s)),
  cpu: middle(runs.map((r) => r.cpu)),
  rss: Math.max(...runs.map((r) => r.rss)),
});

export async function median(cmd, args, env, runs = RUNS) {
  const out = [];
  for (let i = 0; i < runs; i++) out.push(await measure(cmd, args, env));
  return mid(out);
}

/**
 * Medians of several commands run in turns (a, b, c, a, b, c, ...), so that a busy
 * machine slows each of them alike: for ratios of short commands (start-up).
 */
export async function interleaved(commands, runs = RUNS) {
  const out = commands.map(() => []);
  for (let i = 0; i < runs; i++)
    for (const [j, c] of commands.entries()) out[j].push(await measure(c.cmd, c.args, c.env, c.cwd));
  return out.map(mid);
}

export const rows = [];

/** The 1-minute load average, to say how busy the machine was. */
export const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ')[0];

export function report(name, ours, base, target, rssLimit) {
  const ratio = ours.s / base.s;
  const ok = (target === null || ratio <= target) && (rssLimit === null || ours.rss <= rssLimit);
  const cpu = { ours: ours.cpu, base: base.cpu, ratio: ours.cpu / base.cpu };
  rows.push({ name, ours: ours.s, base: base.s, ratio, target, rss: ours.rss, rssLimit, ok, cpu });
  console.log(
    `${ok ? 'ok  ' : 'MISS'} ${name}: ${ours.s.toFixed(2)} s vs ${base.s.toFixed(2)} s = ${ratio.toFixed(2)}x (target ${target ?? '-'}); CPU ${cpu.ours.toFixed(2)} s vs ${cpu.base.toFixed(2)} s = ${cpu.ratio.toFixed(2)}x; peak ${ours.rss.toFixed(0)} MB (limit ${rssLimit ?? '-'}); load ${loadAverage()}`,
  );
}

export function failed(name, e) {
  rows.push({ name, ok: false, note: String(e.message).slice(0, 200) });
  console.log(`MISS ${name}: ${e.message.slice(0, 200)}`);
}

const cell = (v, unit = '') => (typeof v === 'number' ? `${v.toFixed(2)}${unit}` : '–');

export function printTable() {
  console.log(
    '\n| case | ours | reference | ratio | target | CPU ours | CPU reference | CPU ratio | peak RSS | limit | |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  );
  for (const r of rows)
    console.log(
      `| ${r.name} | ${cell(r.ours, ' s')} | ${cell(r.base, ' s')} | ${cell(r.ratio, 'x')} | ${r.target ? `${r.target}x` : '–'} | ${cell(r.cpu?.ours, ' s')} | ${cell(r.cpu?.base, ' s')} | ${cell(r.cpu?.ratio, 'x')} | ${r.rss ? `${r.rss.toFixed(0)} MB` : '–'} | ${r.rssLimit ? `${r.rssLimit} MB` : '–'} | ${r.ok ? 'ok' : `MISS${r.note ? `: ${r.note}` : ''}`} |`,
    );
}
