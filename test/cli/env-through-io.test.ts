/**
 * The environment reaches the commands only through CliIo: a variable set in
 * the test's CliIo (and not in process.env) changes what the command does,
 * and no module outside src/cli names process.env at all.
 */
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import type { CliIo } from '../../src/cli/io.js';
import { ROOT, tempDir } from '../helpers/cli.js';
import { sampleBuild } from '../helpers/sample-build.js';

const VARS = ['BULLETIN_BROWSER', 'PUPPETEER_EXECUTABLE_PATH', 'BULLETIN_CACHE_DIR', 'BULLETIN_STREAM_BYTES'];
const saved = new Map(VARS.map((v) => [v, process.env[v]]));

// Only the CliIo below carries these variables: if a module read process.env, it would not see them.
beforeAll(() => VARS.forEach((v) => delete process.env[v]));
afterAll(() => saved.forEach((value, v) => (value === undefined ? delete process.env[v] : (process.env[v] = value))));

function io(cwd: string, env: Record<string, string>) {
  const out = { stdout: '', stderr: '' };
  const cliIo: CliIo = {
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
    cwd,
    env: { NO_COLOR: '1', ...env },
    isTty: false,
  };
  return { cliIo, out };
}

async function sampleProject(): Promise<string> {
  const dir = tempDir();
  expect(await runCli(['init', '--sample'], io(dir, {}).cliIo)).toBe(0);
  return dir;
}

describe('the environment comes through CliIo', () => {
  it('doctor: BULLETIN_BROWSER given only in CliIo is the browser checked, resolved against its working folder', async () => {
    const dir = tempDir();
    const { cliIo, out } = io(dir, { BULLETIN_BROWSER: 'no-such-chrome' });
    expect(await runCli(['doctor', '--json', '--quiet'], cliIo)).toBe(4);
    const report = JSON.parse(out.stdout) as { checks: { name: string; detail: string }[] };
    expect(report.checks[0]).toMatchObject({
      name: '浏览器',
      detail: `BULLETIN_BROWSER 指定的 ${join(dir, 'no-such-chrome')} 不存在`,
    });
  });

  it('build: the same variable stops a PDF build with exit 4 and writes nothing', async () => {
    const dir = await sampleProject();
    const { cliIo, out } = io(dir, { PUPPETEER_EXECUTABLE_PATH: 'bin/chrome' });
    const code = await runCli(['build', '--quarter', '2022Q3', '--format', 'pdf', '--quiet'], cliIo);
    expect(code, out.stderr).toBe(4);
    expect(out.stderr).toContain(`PUPPETEER_EXECUTABLE_PATH 指定的浏览器 ${join(dir, 'bin', 'chrome')} 不存在。`);
    expect(existsSync(join(dir, 'out', '2022Q3'))).toBe(false);
  });

  it('build: BULLETIN_CACHE_DIR given only in CliIo is the layout cache, resolved against its working folder', async () => {
    const dir = await sampleProject();
    // The layout this run's shared sample build measured: found there, the build prints once
    // (without the variable there is no cache here, no HOME either, and it measures in several prints).
    cpSync((await sampleBuild()).cache, join(dir, 'layouts'), { recursive: true });
    const { cliIo, out } = io(dir, { BULLETIN_CACHE_DIR: 'layouts' });
    const code = await runCli(['build', '--quarter', '2022Q3', '--format', 'pdf', '--json', '--quiet'], cliIo);
    expect(code, out.stderr).toBe(0);
    expect((JSON.parse(out.stdout) as { passes: number }).passes).toBe(1);
  }, 120_000);

  it('build: TMPDIR given only in CliIo is where the browser’s run folders go (a dead run’s folder there is swept)', async () => {
    const dir = await sampleProject();
    const temp = tempDir();
    // The folder of a run killed with kill -9 (no process has this pid): every PDF build sweeps such folders first.
    mkdirSync(join(temp, 'bulletin-2147483646-abcdef'));
    const chrome = join(dir, 'chrome');
    writeFileSync(chrome, '#!/bin/sh\nexit 3\n');
    chmodSync(chrome, 0o755);
    const { cliIo, out } = io(dir, { TMPDIR: 'tmp-here', BULLETIN_BROWSER: chrome });
    symlinkSync(temp, join(dir, 'tmp-here'));
    const code = await runCli(['build', '--quarter', '2022Q3', '--format', 'pdf', '--quiet'], cliIo);
    expect(code, out.stderr).toBe(4);
    expect(readdirSync(temp)).toEqual([]);
  });
});

/** process.env or process['env'], in code (comments may name it). */
const READS_ENV = /process\s*(\.\s*env|\[\s*['"]env['"]\s*\])/;
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

describe('no module outside src/cli reads process.env', () => {
  it('holds for every source file (ESLint checks the same on every npm test)', () => {
    const files = (readdirSync(join(ROOT, 'src'), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(50);
    const readers = files
      .filter((f) => !f.startsWith('cli/'))
      .filter((f) => READS_ENV.test(withoutComments(readFileSync(join(ROOT, 'src', f), 'utf8'))));
    expect(readers.map((f) => relative(ROOT, join(ROOT, 'src', f)))).toEqual([]);
  });
});
