import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, sampleProject, tempDir } from '../helpers/cli.js';

/**
 * A Node run in which importing puppeteer-core fails: a build that loads it
 * without printing pays about 0.25 s for nothing (a sixth of an HTML build of
 * a million records), so HTML and Word builds must not load it at all.
 */
function withoutPuppeteer(args: string[], cwd: string) {
  const dir = tempDir();
  const hooks = join(dir, 'hooks.mjs');
  writeFileSync(
    hooks,
    `export async function resolve(spec, ctx, next) {\n` +
      `  if (spec === 'puppeteer-core' || spec.startsWith('puppeteer-core/')) throw new Error('puppeteer-core was loaded');\n` +
      `  return next(spec, ctx);\n}\n`,
  );
  const register = join(dir, 'register.mjs');
  writeFileSync(
    register,
    `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
  );
  return spawnSync(process.execPath, ['--import', pathToFileURL(register).href, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, BULLETIN_DEBUG: '1', NO_COLOR: '1' },
    timeout: 60_000,
  });
}

describe('builds without a PDF never load the browser library', () => {
  it('the hook refuses puppeteer-core (the check below would otherwise prove nothing)', () => {
    const r = withoutPuppeteer(['--input-type=module', '-e', "await import('puppeteer-core')"], tempDir());
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('puppeteer-core was loaded');
  });

  it('build --format html,docx runs and writes its editions with puppeteer-core unavailable', () => {
    const out = tempDir();
    const args = [BIN, 'build', '--quarter', '2022Q3', '--format', 'html,docx', '--out', out, '--json'];
    const r = withoutPuppeteer(args, sampleProject());
    expect(r.stderr).not.toContain('puppeteer-core was loaded');
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout) as { ok: boolean; outputs: string[] };
    expect(result.ok).toBe(true);
    expect(result.outputs.map((p) => p.split(/[\\/]/).pop()).sort()).toEqual([
      'bulletin.docx',
      'bulletin.html',
      'stats.json',
    ]);
    expect(readFileSync(join(out, '2022Q3', 'bulletin.html'), 'utf8')).toContain('召回');
  });
});

describe('the web edition without a browser', () => {
  it("subsets the web edition's fonts with Liftoff's code only (bin/bulletin.js: no TurboFan compile of HarfBuzz)", () => {
    // V8 prints each WebAssembly function it compiles, and with which compiler.
    const args = ['--trace-wasm-compilation-times', BIN, 'build', '--quarter', '2022Q3', '--format', 'html'];
    const r = spawnSync(process.execPath, [...args, '--no-cache', '--quiet', '--out', tempDir()], {
      cwd: sampleProject(),
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 60_000,
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/using Liftoff/);
    expect(r.stdout).not.toMatch(/using TurboFan/);
  });
});
