import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import type { BuildOptions } from '../../src/pipeline/build-options.js';
import type { Printer } from '../../src/render/browser.js';
import { ROOT, sampleProject, tempDir } from './cli.js';

/** The sample bulletin built once per run by test/sample-pdf-setup.ts. */
export interface SampleBuild {
  /** The folder holding bulletin.pdf, bulletin.html, bulletin.docx and stats.json. */
  out: string;
  /** The layout cache that build filled. */
  cache: string;
  /** What `build --json` printed. */
  json: string;
  /** The project folder it was built in (a copy of data/ and bulletin.config.json). */
  project: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    sampleBuild: SampleBuild;
  }
}

/** The shared build; read its files, never change them (other test files read them at the same time). */
export function sampleBuild(): SampleBuild {
  return inject('sampleBuild');
}

/** A copy of the shared build's layout cache, for a test that changes it. */
export function copyOfSampleCache(): string {
  const dir = join(tempDir('bulletin-cache-'), 'layouts');
  cpSync(sampleBuild().cache, dir, { recursive: true });
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
