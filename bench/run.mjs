// npm run bench: each case several times, medians and ratios measured side by side in
// one run, with peak RSS; exits non-zero when a target is missed. BENCH_SCALE=0.1
// shrinks the inputs for a quick look; BENCH_CASES=startup,build runs only those groups
// (csv, xlsx, build, batch, peers, startup, scale); its temporary folder is removed at the end
// unless BENCH_KEEP=1. Results of a full run are in BENCHMARKS.md.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCsv, writeQuarters, writeXlsx } from './generate.mjs';
import { failed, interleaved, measure, median, printTable, report, rows, RUNS } from './measure.mjs';
import { scaleCases } from './scale-cases.mjs';
import { writePrintDocument } from './print-document.mjs';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'bulletin.js');
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const CASES = (process.env.BENCH_CASES ?? 'csv,xlsx,build,batch,peers,startup,scale').split(',');
const tmp = mkdtempSync(join(tmpdir(), 'bulletin-bench-'));
const has = (cmd) => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const node = process.execPath;
const quiet = ['--quiet'];
const csv = join(tmp, 'recalls.csv');
let csvWritten = false;
async function bigCsv() {
  if (!csvWritten) await writeCsv(csv, Math.round(1_000_000 * SCALE));
  csvWritten = true;
  return csv;
}

// 1. Validation throughput on a large CSV, against a bare csv-parse pass.
async function csvCase() {
  const bareCsv = join(tmp, 'bare-csv.mjs');
  writeFileSync(
    bareCsv,
    `import { createReadStream } from 'node:fs';\nimport { parse } from '${join(ROOT, 'node_modules', 'csv-parse', 'lib', 'index.js')}';\nlet n = 0;\nfor await (const r of createReadStream(process.argv[2]).pipe(parse({ relax_column_count: true }))) n++;\n`,
  );
  report(
    `validate CSV ${Math.round(1_000_000 * SCALE)} rows`,
    await median(node, [BIN, 'validate', await bigCsv(), '--quarter', '2022Q3', '--json']),
    await median(node, [bareCsv, csv]),
    1.5,
    300,
  );
}

// 2. XLSX, against a bare exceljs streaming read.
async function xlsxCase() {
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
    failed('validate XLSX', e);
  }
}

// 3. Build, against launching Chromium and printing the build's own final print document
// once (the HTML its PDF is made from, bench/print-document.mjs: bulletin.html is the web
// edition since round four), loaded from a file and printed with the build's PDF options
// (bookmarks, tags): cold (the layout measured) and cached (an earlier build's layout, one
// print). Issue 15: 1.3x cold, 1.15x cached. The four are run in turns, so load on the
// machine hits each alike.
async function buildCase() {
  const out = join(tmp, 'out');
  const cache = { BULLETIN_CACHE_DIR: join(tmp, 'layout-cache') };
  await measure(node, [BIN, 'build', '--quarter', '2022Q3', '--out', out, ...quiet], cache); // fills the cache
  const printHtml = join(tmp, 'print-document.html');
  await writePrintDocument(ROOT, '2022Q3', join(tmp, 'out-reference'), printHtml);
  const barePrint = join(tmp, 'bare-print.mjs');
  writeFileSync(
    barePrint,
    `import puppeteer from '${join(ROOT, 'node_modules', 'puppeteer-core', 'lib', 'esm', 'puppeteer', 'puppeteer-core.js')}';\nimport { pathToFileURL } from 'node:url';\nimport { findBrowser } from '${join(ROOT, 'dist', 'render', 'find-browser.js')}';\nimport { NO_BROWSER_UI_PAGES } from '${join(ROOT, 'dist', 'render', 'chromium-args.js')}';\nconst quiet = process.argv[3] === 'without-popups' ? [\`--disable-features=\${NO_BROWSER_UI_PAGES.join(',')}\`] : [];\nconst b = await puppeteer.launch({ executablePath: findBrowser([]).path, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', ...quiet] });\nconst p = await b.newPage();\nawait p.goto(pathToFileURL(process.argv[2]).href, { waitUntil: 'load' });\nawait p.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, outline: true, tagged: true });\nawait b.close();\n`,
  );
  const build = [BIN, 'build', '--quarter', '2022Q3', '--out', out, ...quiet];
  const [cold, warm, bare, barePopupless] = await interleaved([
    { cmd: node, args: [...build, '--no-cache'] },
    { cmd: node, args: build, env: cache },
    { cmd: node, args: [barePrint, printHtml] },
    { cmd: node, args: [barePrint, printHtml, 'without-popups'] },
  ]);
  report('build 2022Q3, layout measured (--no-cache)', cold, bare, 1.3, null);
  report('build 2022Q3, layout cached from an earlier build', warm, bare, 1.15, null);
  // For the record, no target: the build turns off the omnibox popups Chromium preloads at every
  // launch (render/chromium-args.ts, about 1 s of CPU); the bare print above pays for them, as a
  // plain puppeteer.launch() does. Against a bare print that turns them off too:
  report('build 2022Q3, measured, vs a bare print without the popups', cold, barePopupless, null, null);
  report('build 2022Q3, cached, vs a bare print without the popups', warm, barePopupless, null, null);
  return { cold, out };
}

// 4. Batch of 8 quarters in one command, against one build (both measuring their layouts,
// as CI does after a template change).
async function batchCase() {
  const data8 = join(tmp, 'data8');
  const quarters = writeQuarters(data8, 8);
  const run = (q) => [
    BIN,
    'build',
    '--quarter',
    q,
    '--data',
    data8,
    '--out',
    join(tmp, 'out8'),
    '--no-cache',
    ...quiet,
  ];
  const one = await median(node, run(quarters.at(-1)));
  report('build 8 quarters in one run', await median(node, run(`${quarters[0]}..${quarters.at(-1)}`)), one, 3, null);
}

// 5. Peers from apt on the same CSV (installed when missing and we are root).
async function peersCase(built) {
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
  const aggregate = await median(node, [BIN, 'validate', await bigCsv(), '--quarter', '2022Q3', '--json']);
  const mlrArgs = ['--icsv', '--ojson', 'stats1', '-a', 'count,sum', '-f', '召回数量', '-g', '产品类别', csv];
  if (has('mlr')) report('validate vs Miller stats1', aggregate, await median('mlr', mlrArgs), 2, null);
  // csvkit takes minutes on the full file: one run is enough to compare.
  if (has('csvstat'))
    report(
      'validate vs csvkit csvstat',
      aggregate,
      await measure('csvstat', ['--sum', '-c', '召回数量', csv]),
      1,
      null,
    );
  if (has('weasyprint') && built) {
    const html = join(built.out, '2022Q3', 'bulletin.html');
    report(
      'build vs WeasyPrint (same HTML)',
      built.cold,
      await median('weasyprint', [html, join(tmp, 'w.pdf')]),
      null,
      null,
    );
  }
}

// 6. Start-up (issue 15): `validate data/2022Q3` at most 4x a bare `node -e 0`, `--help`
// at most 2x, all run in turns in this run.
async function startupCase() {
  const runs = Math.max(RUNS, 9);
  const [bare, validate, help] = await interleaved(
    [
      { cmd: node, args: ['-e', '0'] },
      { cmd: node, args: [BIN, 'validate', 'data/2022Q3', '--quiet', '--json'] },
      { cmd: node, args: [BIN, '--help'] },
    ],
    runs,
  );
  report('start-up: validate data/2022Q3 vs node -e 0', validate, bare, 4, null);
  report('start-up: --help vs node -e 0', help, bare, 2, null);
}

const built = CASES.includes('build') ? await buildCase() : null;
if (CASES.includes('startup')) await startupCase();
if (CASES.includes('csv')) await csvCase();
if (CASES.includes('xlsx')) await xlsxCase();
if (CASES.includes('batch')) await batchCase();
if (CASES.includes('peers')) await peersCase(built);

// 6. Build and stats at scale (issue 15), against validate and Miller: bench/scale-cases.mjs.
if (CASES.includes('scale'))
  await scaleCases({ node, bin: BIN, tmp, scale: SCALE, csv: await bigCsv(), median, report, has });

const machine = `${execFileSync('nproc').toString().trim()} cores, ${Math.round(Number(/MemTotal:\s+(\d+)/.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1]) / 1048576)} GiB, Node ${process.version}`;
writeFileSync(
  join(ROOT, 'bench', 'last-run.json'),
  `${JSON.stringify({ machine, scale: SCALE, runs: RUNS, cases: CASES, rows }, null, 2)}\n`,
);
printTable();
console.log(`\n${machine}; results in bench/last-run.json`);
// Its inputs and outputs (a 1M-row CSV and its copies: about 200 MB) go with it; BENCH_KEEP=1 keeps them.
if (process.env.BENCH_KEEP) console.log(`inputs and outputs kept in ${tmp}`);
else rmSync(tmp, { recursive: true, force: true });
process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
