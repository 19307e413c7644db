/** What a build is asked to do and what it gives back: shared by build.ts and build-quarter.ts (no import cycle). */
import type { DraftMode } from '../model/draft.js';
import type { ValidationIssue } from '../model/issues.js';
import type { Quarter } from '../model/quarter.js';
import type { BulletinStats } from '../model/stats.js';
import type { Printer } from '../render/browser.js';
import type { Launcher } from '../render/chromium.js';
import type { FileReport } from '../inputs/check-file.js';
import type { BulletinConfig } from '../config/config.js';
import type { BrowserChoice, Env, OutputFormat } from '../config/resolve-options.js';

export type { OutputFormat } from '../config/resolve-options.js';

export interface BuildOptions {
  quarter: Quarter;
  dataDir: string;
  outDir: string;
  formats: readonly OutputFormat[];
  config: BulletinConfig;
  cwd: string;
  /** Browsers asked for, in order (resolveOptions); absent: the configuration's, then the usual locations. */
  browsers?: readonly BrowserChoice[];
  /** Limit of each call into the browser (launch, load, each print, close), in milliseconds. */
  timeoutMs?: number;
  /** Limit of one quarter's whole build; default 20 times timeoutMs. */
  buildTimeoutMs?: number;
  /** Aborted when the run is stopped (SIGINT, SIGTERM): the browser is closed and nothing is written. */
  signal?: AbortSignal;
  /** Chromium's own environment (from the CLI). */
  env?: Env;
  /** XLSX sheet to read instead of the first. */
  sheet?: string;
  /** Record files larger than this are read as a stream (the CLI passes BULLETIN_STREAM_BYTES). */
  streamBytes?: number;
  /** Templates over the bundled ones; absent: the configuration's `templates`, if any. */
  templatesDir?: string;
  /** A printer to reuse across builds; otherwise one is made and closed here. */
  printer?: Printer;
  /** Tests: the printer made here drives this fake browser (render/chromium.ts) instead of Chromium. */
  launcher?: Launcher;
  /** Folder of measured layouts (layout-cache.ts); null or absent: always measure. */
  cacheDir?: string | null;
  /** Where temporary folders go (the browser's run folder, the Word edition's fonts); default the system's. */
  tempDir?: string;
  /** Whether errors about content may give a draft instead of stopping the build (model/draft.ts); default never. */
  draft?: DraftMode;
}

export interface BuildResult {
  ok: boolean;
  /** Some input could not be read at all: nothing was built (exit code 3). */
  unreadable: boolean;
  quarter: string;
  issues: ValidationIssue[];
  files: FileReport[];
  stats: BulletinStats | null;
  outputs: string[];
  /** Prints the PDF took: 1 when its layout (measured without printing, or an earlier build's) held; 0 without PDF. */
  passes: number;
  /** The outputs are a draft: stamped 草稿, named bulletin-draft.*, no stats.json. */
  draft: boolean;
}
