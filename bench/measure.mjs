// Timing helpers for bench/run.mjs: wall time and peak RSS of a spawned command,
// medians, and a table of cases with targets.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');

export const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/** Wall time (s) and peak RSS (MB, VmHWM polled from /proc) of one command. */
export function measure(cmd, args, env = {}, cwd = ROOT) {
  return new Promise((done, fail) => {
    const start = performance.now();
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
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
      if (code !== 0) fail(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${err.slice(0, 400)}`));
      else done({ s: (performance.now() - start) / 1000, rss: peak });
    });
  });
}

const mid = (runs) => {
  const sorted = [...runs].sort((a, b) => a.s - b.s);
  return { s: sorted[Math.floor(sorted.length / 2)].s, rss: Math.max(...runs.map((r) => r.rss)) };
};

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

export function report(name, ours, base, target, rssLimit) {
  const ratio = ours.s / base.s;
  const ok = (target === null || ratio <= target) && (rssLimit === null || ours.rss <= rssLimit);
  rows.push({ name, ours: ours.s, base: base.s, ratio, target, rss: ours.rss, rssLimit, ok });
  console.log(
    `${ok ? 'ok  ' : 'MISS'} ${name}: ${ours.s.toFixed(2)} s vs ${base.s.toFixed(2)} s = ${ratio.toFixed(2)}x (target ${target ?? '-'}), peak ${ours.rss.toFixed(0)} MB (limit ${rssLimit ?? '-'})`,
  );
}

export function failed(name, e) {
  rows.push({ name, ok: false, note: String(e.message).slice(0, 200) });
  console.log(`MISS ${name}: ${e.message.slice(0, 200)}`);
}

const cell = (v, unit = '') => (typeof v === 'number' ? `${v.toFixed(2)}${unit}` : '–');

export function printTable() {
  console.log(
    '\n| case | ours | reference | ratio | target | peak RSS | limit | |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  );
  for (const r of rows)
    console.log(
      `| ${r.name} | ${cell(r.ours, ' s')} | ${cell(r.base, ' s')} | ${cell(r.ratio, 'x')} | ${r.target ? `${r.target}x` : '–'} | ${r.rss ? `${r.rss.toFixed(0)} MB` : '–'} | ${r.rssLimit ? `${r.rssLimit} MB` : '–'} | ${r.ok ? 'ok' : `MISS${r.note ? `: ${r.note}` : ''}`} |`,
    );
}
