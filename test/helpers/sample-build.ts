import { cpSync, existsSync, readFileSync, watch } from 'node:fs';
import { dirname, join } from 'node:path';
import { inject } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import type { BuildOptions } from '../../src/pipeline/build-options.js';
import type { Printer } from '../../src/render/browser.js';
import { ROOT, sampleProject, tempDir } from './cli.js';

/** The sample bulletin's build, as test/sample-pdf-setup.ts starts it: where it writes. */
export interface SampleBuildStarted {
  /** The folder holding bulletin.pdf, bulletin.html, bulletin.docx and stats.json. */
  out: string;
  /** The layout cache that build fills. */
  cache: string;
  /** The project folder it is built in (a copy of data/ and bulletin.config.json). */
  project: string;
  /** The file its outcome (SampleBuildFinished) is renamed to when it ends. */
  outcome: string;
}

/** How the sample build ended: its exit code (null: it could not start) and what it printed. */
export interface SampleBuildFinished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The sample bulletin built once per run. */
export interface SampleBuild extends Omit<SampleBuildStarted, 'outcome'> {
  /** What `build --json` printed. */
  json: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    sampleBuild: SampleBuildStarted;
  }
}

/** Resolves when `file` exists: watched, not polled (its folder exists, and the file appears by a rename). */
function appeared(file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const watcher = watch(dirname(file), () => {
      if (!existsSync(file)) return;
      watcher.close();
      resolve();
    });
    watcher.on('error', reject);
    // It may have appeared before the watch began.
    if (existsSync(file)) {
      watcher.close();
      resolve();
    }
  });
}

/** Per outcome file: one per run (a worker may serve several runs in watch mode). */
const finished = new Map<string, Promise<SampleBuild>>();

/**
 * The shared build, once it has ended; it fails the caller's hook or test if the build failed.
 * Read its files, never change them (other test files read them at the same time).
 */
export function sampleBuild(): Promise<SampleBuild> {
  const started = inject('sampleBuild');
  let ended = finished.get(started.outcome);
  if (!ended) {
    ended = appeared(started.outcome).then(() => {
      const end = JSON.parse(readFileSync(started.outcome, 'utf8')) as SampleBuildFinished;
      if (end.code !== 0) throw new Error(`the sample build failed (exit ${end.code}): ${end.stderr}`);
      return { out: started.out, cache: started.cache, project: started.project, json: end.stdout };
    });
    finished.set(started.outcome, ended);
  }
  return ended;
}

/** A copy of the shared build's layout cache, for a test that changes it. */
export async function copyOfSampleCache(): Promise<string> {
  const dir = join(tempDir('bulletin-cache-'), 'layouts');
  cpSync((await sampleBuild()).cache, dir, { recursive: true });
  return dir;
}

/** The sample quarter (2022Q3) built through the library by `printer`: the PDF only, no cache. */
export async function samplePdfOptions(printer: Printer): Promise<BuildOptions> {
  return {
    quarter: { year: 2022, quarter: 3 },
    dataDir: join(ROOT, 'data'),
    outDir: tempDir(),
    formats: ['pdf'],
    config: await loadConfig(undefined, sampleProject()),
    cwd: sampleProject(),
    cacheDir: null,
    printer,
  };
}
