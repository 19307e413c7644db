/**
 * The package as a user gets it: packed, installed into a new project by
 * `npm install --offline` (as behind a firewall that reaches no browser
 * download; see writeUserProject for the lockfile), then the sample built
 * from there with the system's Chromium. The project's dependencies are put
 * in place first (placeDependencies: the lockfile's production packages,
 * nothing else), so npm checks them against the lockfile and unpacks only
 * the package under test.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';
import { sampleBuild } from '../helpers/sample-build.js';
import { placeDependencies, writeUserProject } from '../helpers/user-project.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  dependencies: Record<string, string>;
};
let project: string;
let installed: string;
let tarballFiles: string[];
let installWarnings: string;

/** The command as the user's shell finds it: node_modules/.bin/bulletin. */
function userBulletin(args: string[]) {
  const r = spawnSync(join(project, 'node_modules', '.bin', 'bulletin'), args, {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', BULLETIN_CACHE_DIR: join(project, '.layout-cache') },
    timeout: 180_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  const packDir = tempDir('bulletin-pack-');
  // dist/ is compiled by the test setup; the tarball is what `npm publish` would upload.
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], {
      cwd: ROOT,
      encoding: 'utf8',
    }),
  ) as Array<{ filename: string; files: Array<{ path: string }> }>;
  tarballFiles = packed[0]!.files.map((f) => f.path);
  project = tempDir('bulletin-user-project-');
  writeUserProject(project, ROOT, join(packDir, packed[0]!.filename));
  placeDependencies(project, ROOT);
  // engine-strict, as some offices' .npmrc has it: a dependency that declares no support for this Node fails the install.
  const install = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--engine-strict'], {
    cwd: project,
    encoding: 'utf8',
  });
  installWarnings = install.stderr;
  expect(install.status, install.stderr).toBe(0);
  installed = join(project, 'node_modules', ...pkg.name.split('/'));
  // The sample prints once, from the layout the shared build of this run measured (its cache key is the
  // page and the browser, not the folder): this test is about the installed package, not the layout.
  cpSync((await sampleBuild()).cache, join(project, '.layout-cache'), { recursive: true });
}, 300_000);

describe('the package', () => {
  it('depends on puppeteer-core (no browser download), never on puppeteer', () => {
    expect(Object.keys(pkg.dependencies)).toContain('puppeteer-core');
    expect(pkg.dependencies['puppeteer-core']).toBe('24.43.1');
    expect(Object.keys(pkg.dependencies)).not.toContain('puppeteer');
    expect(existsSync(join(project, 'node_modules', 'puppeteer'))).toBe(false);
  });

  it('installs on this Node without an engine warning: docx is inlined, its undeclared-for-Node-20 nanoid not installed', () => {
    expect(installWarnings).not.toMatch(/EBADENGINE/);
    // docx's package declares nanoid 6 (Node ^22 || ^24 || >=26) though its build contains its own copy.
    expect(Object.keys(pkg.dependencies)).not.toContain('docx');
    expect(existsSync(join(project, 'node_modules', 'docx'))).toBe(false);
  });

  it('ships what users need (CLI, templates, reference data, sample, licence, picture) and nothing else', () => {
    for (const f of [
      'bin/bulletin.js',
      'dist/cli/run-cli.js',
      'dist/bundle/run-cli.js',
      'dist/bundle/checker-worker.js',
      'dist/bundle/THIRD-PARTY-LICENSES.txt',
      'dist/index.d.ts',
      'templates/bulletin.hbs',
      'data/reference/divisions.json',
      'data/2022Q3/recalls.xlsx',
      'data/archive/2021Q2/stats.json',
      'bulletin.config.json',
      'LICENSE',
      'README.md',
      'docs/first-pages.png',
    ])
      expect(tarballFiles).toContain(f);
    const stray = tarballFiles.filter((f) => /\.map$|\.tsbuildinfo$|^(src|test|fixtures|bench|scripts|\.ci)\//.test(f));
    expect(stray).toEqual([]);
    expect(tarballFiles.some((f) => f.startsWith('data/2022Q4/'))).toBe(false);
    // The README's links to files work in the installed package too (examples/, docs/, BENCHMARKS.md were left out).
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const linked = [...readme.matchAll(/\]\(([^)\s#]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1] as string);
    const files = linked.filter((l) => !/^[a-z]+:/.test(l) && !l.startsWith('images/'));
    expect(files.length).toBeGreaterThan(3);
    expect(files.filter((f) => !tarballFiles.includes(f))).toEqual([]);
    expect(readme.match(/examples\/[\w-]+\.yml/g)?.every((f) => tarballFiles.includes(f))).toBe(true);
    expect(readFileSync(join(installed, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
  });

  it('installed offline, runs --version, writes the sample and builds its PDF and Word edition from the user project', () => {
    const v = userBulletin(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toBe(pkg.version);

    const init = userBulletin(['init', '--sample']);
    expect(init.stderr).toContain('bulletin build --quarter 2022Q3');
    expect(init.code).toBe(0);
    expect(readdirSync(join(project, 'data')).sort()).toEqual(['2022Q1', '2022Q2', '2022Q3', 'archive']);
    expect(existsSync(join(project, 'bulletin.config.json'))).toBe(true);

    // Every edition: the Word edition's library is inlined in the package (no docx package installed).
    const build = userBulletin(['build', '--quarter', '2022Q3', '--format', 'pdf,html,docx', '--json']);
    expect(build.code, build.stderr).toBe(0);
    const result = JSON.parse(build.stdout) as { ok: boolean; outputs: string[] };
    expect(result.ok).toBe(true);
    const pdf = readFileSync(join(project, 'out', '2022Q3', 'bulletin.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(100_000);
    const docx = readFileSync(join(project, 'out', '2022Q3', 'bulletin.docx'));
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(docx.length).toBeGreaterThan(50_000);
  }, 240_000);

  it('init --sample refuses to overwrite the sample a second time (exit 2), and --force rewrites it', () => {
    const again = userBulletin(['init', '--sample']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
    expect(userBulletin(['init', '--sample', '--force']).code).toBe(0);
  });
});
