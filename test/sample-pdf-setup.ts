import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import type { SampleBuild } from './helpers/sample-build.js';

const root = join(import.meta.dirname, '..');

/**
 * The sample bulletin (2022Q3, every edition) built once per test run by the
 * real binary, in a temporary folder, and shared by the tests that read the
 * PDF, HTML and Word files (inject('sampleBuild')): a PDF build costs 10-40 s
 * on two cores, and they all read the same one. This is also the suite's
 * end-to-end build of bin/bulletin.js.
 */
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'bulletin-sample-build-'));
  const cwd = join(dir, 'project');
  cpSync(join(root, 'data'), join(cwd, 'data'), { recursive: true });
  copyFileSync(join(root, 'bulletin.config.json'), join(cwd, 'bulletin.config.json'));
  const out = join(dir, 'out');
  const cache = join(dir, 'layout-cache');
  const r = spawnSync(
    process.execPath,
    [
      join(root, 'bin', 'bulletin.js'),
      'build',
      '--quarter',
      '2022Q3',
      '--format',
      'pdf,html,docx',
      '--out',
      out,
      '--json',
    ],
    { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', BULLETIN_CACHE_DIR: cache }, timeout: 300_000 },
  );
  if (r.status !== 0) throw new Error(`the sample build failed (exit ${r.status}): ${r.stderr}`);
  const shared: SampleBuild = { out: join(out, '2022Q3'), cache, json: r.stdout, project: cwd };
  project.provide('sampleBuild', shared);
  return () => rmSync(dir, { recursive: true, force: true });
}
