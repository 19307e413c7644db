// npm run bench: each case several times, medians and ratios measured side by side in
// one run, with peak RSS; exits non-zero when a target is missed. BENCH_SCALE=0.1
// shrinks the inputs for a quick look. Results of a full run are in BENCHMARKS.md.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCsv, writeQuarters, writeXlsx } from './generate.mjs';
import { scaleCases } from './scale-cases.mjs';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'bulletin.js');
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const tmp = mkdtempSync(join(tmpdir(), 'bulletin-bench-'));
const has = (cmd) => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** Wall time (s) and peak RSS (MB, VmHWM polled from /proc) of one command. */
function measure(cmd, args, env = {}) {
  return new Promise((done, fail) => {
    const start = performance.now();
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
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

async function median(cmd, args, env) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await measure(cmd, args, env));
  runs.sort((a, b) => a.s - b.s);
  return { s: runs[Math.floor(runs.length / 2)].s, rss: Math.max(...runs.map((r) => r.rss)) };
}

const rows = [];
const report = (name, ours, base, target, rssLimit) => {
  const ratio = ours.s / base.s;
  const ok = (target === null || ratio <= target) && (rssLimit === null || ours.rss <= rssLimit);
  rows.push({ name, ours: ours.s, base: base.s, ratio, target, rss: ours.rss, rssLimit, ok });
  console.log(
    `${ok ? 'ok  ' : 'MISS'} ${name}: ${ours.s.toFixed(2)} s vs ${base.s.toFixed(2)} s = ${ratio.toFixed(2)}x (target ${target ?? '-'}), peak ${ours.rss.toFixed(0)} MB (limit ${rssLimit ?? '-'})`,
  );
};

const node = process.execPath;
const quiet = ['--quiet'];

// 1. Validation throughput on a large CSV, against a bare csv-parse pass.
const csv = join(tmp, 'recalls.csv');
await writeCsv(csv, Math.round(1_000_000 * SCALE));
const bareCsv = join(tmp, 'bare-csv.mjs');
writeFileSync(
  bareCsv,
  `import { createReadStream } from 'node:fs';\nimport { parse } from '${join(ROOT, 'node_modules', 'csv-parse', 'lib', 'index.js')}';\nlet n = 0;\nfor await (const r of createReadStream(process.argv[2]).pipe(parse({ relax_column_count: true }))) n++;\n`,
);
report(
  `validate CSV ${Math.round(1_000_000 * SCALE)} rows`,
  await median(node, [BIN, 'validate', csv, '--quarter', '2022Q3', '--json']),
  await median(node, [bareCsv, csv]),
  1.5,
  300,
);

// 2. XLSX, against a bare exceljs streaming read.
const xlsx = join(tmp, 'recalls.xlsx');
await writeXlsx(xlsx, Math.round(200_000 * SCALE));
const bareXlsx = join(tmp, 'bare-xlsx.mjs');
writeFileSync(
  bareXlsx,
  `import ExcelJS from '${join(ROOT, 'node_modules', 'exceljs', 'lib', 'exceljs.nodejs.js')}';\nlet n = 0;\nfor await (const ws of new ExcelJS.stream.xlsx.WorkbookReader(process.argv[2], {})) for await (const r of ws) n++;\n`,
);
try {
  report(
    `validate XLSX ${Math.round(200_000 * SCALE)} rows`,
    await median(node, [BIN, 'validate', xlsx, '--quarter', '2022Q3', '--json']),
    await median(node, [bareXlsx, xlsx]),
    1.5,
    500,
  );
} catch (e) {
  rows.push({ name: 'validate XLSX', ok: false, note: String(e.message).slice(0, 200) });
  console.log(`MISS validate XLSX: ${e.message.slice(0, 200)}`);
}

// 3. Build, against launching Chromium and printing the final HTML once: cold (the
// layout measured, two prints) and cached (an earlier build's layout, one print).
const out = join(tmp, 'out');
const cache = { BULLETIN_CACHE_DIR: join(tmp, 'layout-cache') };
const cold = await median(node, [BIN, 'build', '--quarter', '2022Q3', '--out', out, '--no-cache', ...quiet]);
await measure(node, [BIN, 'build', '--quarter', '2022Q3', '--out', out, ...quiet], cache); // fills the cache
const warm = await median(node, [BIN, 'build', '--quarter', '2022Q3', '--out', out, ...quiet], cache);
const barePrint = join(tmp, 'bare-print.mjs');
writeFileSync(
  barePrint,
  `import puppeteer from '${join(ROOT, 'node_modules', 'puppeteer-core', 'lib', 'esm', 'puppeteer', 'puppeteer-core.js')}';\nimport { readFileSync } from 'node:fs';\nimport { findBrowser } from '${join(ROOT, 'dist', 'render', 'find-browser.js')}';\nconst b = await puppeteer.launch({ executablePath: findBrowser({}).path, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });\nconst p = await b.newPage();\nawait p.setContent(readFileSync(process.argv[2], 'utf8'), { waitUntil: 'load' });\nawait p.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });\nawait b.close();\n`,
);
const bare = await median(node, [barePrint, join(out, '2022Q3', 'bulletin.html')]);
report('build 2022Q3, layout measured (--no-cache)', cold, bare, 1.3, null);
report('build 2022Q3, layout cached from an earlier build', warm, bare, 1.3, null);

// 4. Batch of 8 quarters in one command, against one build (both measuring their layouts,
// as CI does after a template change).
const data8 = join(tmp, 'data8');
const quarters = writeQuarters(data8, 8);
const one = await median(node, [
  BIN,
  'build',
  '--quarter',
  quarters.at(-1),
  '--data',
  data8,
  '--out',
  join(tmp, 'out8'),
  '--no-cache',
  ...quiet,
]);
report(
  'build 8 quarters in one run',
  await median(node, [
    BIN,
    'build',
    '--quarter',
    `${quarters[0]}..${quarters.at(-1)}`,
    '--data',
    data8,
    '--out',
    join(tmp, 'out8'),
    '--no-cache',
    ...quiet,
  ]),
  one,
  3,
  null,
);

// 5. Peers from apt on the same CSV (installed when missing and we are root).
if (process.getuid?.() === 0 && !(has('mlr') && has('csvstat'))) {
  try {
    execFileSync('apt-get', ['install', '-y', '-qq', 'miller', 'csvkit'], {
      stdio: 'ignore',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch {
    /* measured below only if present */
  }
}
const aggregate = await median(node, [BIN, 'validate', csv, '--quarter', '2022Q3', '--json']);
if (has('mlr'))
  report(
    'validate vs Miller stats1',
    aggregate,
    await median('mlr', ['--icsv', '--ojson', 'stats1', '-a', 'count,sum', '-f', '召回数量', '-g', '产品类别', csv]),
    2,
    null,
  );
// csvkit takes minutes on the full file: one run is enough to compare.
if (has('csvstat'))
  report('validate vs csvkit csvstat', aggregate, await measure('csvstat', ['--sum', '-c', '召回数量', csv]), 1, null);
if (has('weasyprint'))
  report(
    'build vs WeasyPrint (same HTML)',
    cold,
    await median('weasyprint', [join(out, '2022Q3', 'bulletin.html'), join(tmp, 'weasy.pdf')]),
    null,
    null,
  );

// 6. Build and stats at scale (issue 15), against validate and Miller: bench/scale-cases.mjs.
await scaleCases({ node, bin: BIN, tmp, scale: SCALE, csv, median, report, has });

const machine = `${execFileSync('nproc').toString().trim()} cores, ${Math.round(Number(/MemTotal:\s+(\d+)/.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1]) / 1048576)} GiB, Node ${process.version}`;
writeFileSync(
  join(ROOT, 'bench', 'last-run.json'),
  `${JSON.stringify({ machine, scale: SCALE, runs: RUNS, rows }, null, 2)}\n`,
);
const cell = (v, unit = '') => (typeof v === 'number' ? `${v.toFixed(2)}${unit}` : '–');
console.log(
  '\n| case | ours | reference | ratio | target | peak RSS | limit | |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
);
for (const r of rows) {
  console.log(
    `| ${r.name} | ${cell(r.ours, ' s')} | ${cell(r.base, ' s')} | ${cell(r.ratio, 'x')} | ${r.target ? `${r.target}x` : '–'} | ${r.rss ? `${r.rss.toFixed(0)} MB` : '–'} | ${r.rssLimit ? `${r.rssLimit} MB` : '–'} | ${r.ok ? 'ok' : `MISS${r.note ? `: ${r.note}` : ''}`} |`,
  );
}
console.log(`\n${machine}; results in bench/last-run.json`);
process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
