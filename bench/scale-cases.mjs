// Issue 15's cases at scale: a 1,000,000-record quarter built (--format html) against validating
// it, the 100,000-record quarter with every record in one category (the worst case for
// grouping), and `bulletin stats` against Miller's grouped sums. run.mjs calls scaleCases with
// its own measuring and reporting; `node bench/scale-cases.mjs` runs these cases alone.
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, linkSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HEADER, row, writeCsv } from './generate.mjs';

/** A data folder holding one quarter, 2022Q3, whose recalls.csv is `csv` (hard-linked). */
function quarterOf(dir, csv) {
  mkdirSync(join(dir, '2022Q3'), { recursive: true });
  linkSync(csv, join(dir, '2022Q3', 'recalls.csv'));
  return dir;
}

/** n records, all in category 03 (products and manufacturers as generate.mjs makes them). */
async function writeOneCategory(path, n) {
  let s = 3;
  const rnd = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const out = createWriteStream(path);
  out.write(`${HEADER.join(',')}\n`);
  let buf = '';
  for (let i = 0; i < n; i++) {
    const r = row(i, rnd);
    r[5] = '03';
    buf += `${r.join(',')}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((done) => out.once('drain', done));
      buf = '';
    }
  }
  await new Promise((done) => out.end(buf, done));
}

/** h: { node, bin, tmp, scale, csv (the 1M-row CSV, or null to write one), median, report, has }. */
export async function scaleCases(h) {
  const n = Math.round(1_000_000 * h.scale);
  const csv = h.csv ?? join(h.tmp, 'scale-recalls.csv');
  if (!h.csv) await writeCsv(csv, n);
  const big = quarterOf(join(h.tmp, 'scale-1m'), csv);
  const build = (data) => [h.bin, 'build', '--quarter', '2022Q3', '--data', data, '--out', join(data, 'out')];
  const validate = (data) => [h.bin, 'validate', join(data, '2022Q3'), '--json'];
  const html = ['--format', 'html', '--quiet'];
  const validated = await h.median(h.node, validate(big));
  h.report(
    `build --format html, ${n} records vs validate`,
    await h.median(h.node, [...build(big), ...html]),
    validated,
    1.5,
    350,
  );

  // Grouping's worst case: the same number of records all in one category, against them spread over ten.
  const m = Math.round(100_000 * h.scale);
  const oneCsv = join(h.tmp, 'scale-one-category.csv');
  const spreadCsv = join(h.tmp, 'scale-spread.csv');
  await writeOneCategory(oneCsv, m);
  await writeCsv(spreadCsv, m, 3);
  const one = quarterOf(join(h.tmp, 'scale-one'), oneCsv);
  const oneBuilt = await h.median(h.node, [...build(one), ...html]);
  const spread = await h.median(h.node, [...build(quarterOf(join(h.tmp, 'scale-spread'), spreadCsv)), ...html]);
  h.report(`build --format html, ${m} records in one category vs spread over ten`, oneBuilt, spread, 1.15, 350);
  // A fixed cost (the web edition's fonts, charts, templates: about 1.5 s) weighs on 100,000 records: no target.
  h.report(
    `build --format html, ${m} records in one category vs validate`,
    oneBuilt,
    await h.median(h.node, validate(one)),
    null,
    350,
  );

  if (h.has('mlr'))
    h.report(
      `stats ${n} records vs Miller stats1 (grouped count and sum)`,
      await h.median(h.node, [
        h.bin,
        'stats',
        '--quarter',
        '2022Q3',
        '--data',
        big,
        '--out',
        join(big, 'out'),
        '--json',
      ]),
      await h.median('mlr', [
        '--icsv',
        '--ojson',
        'stats1',
        '-a',
        'count,sum',
        '-f',
        '召回数量',
        '-g',
        '产品类别',
        csv,
      ]),
      1.25,
      null,
    );
}

// Alone: the same measuring as run.mjs (median wall time, peak RSS from /proc), without the other cases.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = join(import.meta.dirname, '..');
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const measure = (cmd, args) =>
    new Promise((done, fail) => {
      const start = performance.now();
      const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
      let peak = 0;
      const poll = setInterval(() => {
        try {
          const kb = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
          peak = Math.max(peak, Number(kb ?? 0) / 1024);
        } catch {
          /* exited */
        }
      }, 20);
      child.on('exit', (code) => {
        clearInterval(poll);
        if (code === 0) done({ s: (performance.now() - start) / 1000, rss: peak });
        else fail(new Error(`${cmd} ${args.join(' ')} exited ${code}`));
      });
    });
  const median = async (cmd, args) => {
    const all = [];
    for (let i = 0; i < runs; i++) all.push(await measure(cmd, args));
    all.sort((a, b) => a.s - b.s);
    return { s: all[Math.floor(all.length / 2)].s, rss: Math.max(...all.map((r) => r.rss)) };
  };
  let missed = false;
  const report = (name, ours, base, target, rssLimit) => {
    const ratio = ours.s / base.s;
    const ok = (target === null || ratio <= target) && (rssLimit === null || ours.rss <= rssLimit);
    missed ||= !ok;
    console.log(
      `${ok ? 'ok  ' : 'MISS'} ${name}: ${ours.s.toFixed(2)} s vs ${base.s.toFixed(2)} s = ${ratio.toFixed(2)}x (target ${target ?? '-'}), peak ${ours.rss.toFixed(0)} MB (limit ${rssLimit ?? '-'}); reference peak ${base.rss.toFixed(0)} MB`,
    );
  };
  const has = (cmd) => {
    try {
      execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };
  const tmp = mkdtempSync(join(tmpdir(), 'bulletin-bench-scale-'));
  const bin = join(root, 'bin', 'bulletin.js');
  const scale = Number(process.env.BENCH_SCALE ?? 1);
  await scaleCases({ node: process.execPath, bin, tmp, scale, csv: null, median, report, has });
  process.exitCode = missed ? 1 : 0;
}
