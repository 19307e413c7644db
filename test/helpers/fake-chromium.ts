/**
 * A fake Chromium for the printer's fault tests: each operation answers,
 * fails, or never answers (a promise that never settles, like a browser
 * that stopped responding), as the test says. No real time passes beyond
 * the printer's own small injected limits.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import type { BuildOptions } from '../../src/pipeline/build-options.js';
import type { Chromium, ChromiumPage, LaunchRequest, Launcher } from '../../src/render/chromium.js';
import type { ColumnRead } from '../../src/render/column-measure.js';
import { ROOT, tempDir } from './cli.js';

/** `later`: the behaviour `then`, once `after` has settled (a browser that answers late). */
export type Behaviour = 'ok' | 'hang' | Error | { reject: unknown } | { after: Promise<unknown>; then: Behaviour };

export interface FakeScript {
  launch?: Behaviour;
  newPage?: Behaviour;
  lockDown?: Behaviour;
  load?: Behaviour;
  replaceBody?: Behaviour;
  /** By pass: pdf[0] is the first print. */
  pdf?: Behaviour[];
  /** Instead of FAKE_PDF, what an 'ok' print of the page's HTML (loaded or body-swapped) gives. */
  printHtml?: (html: string) => Promise<Uint8Array>;
  /** What measuring the page's HTML gives; by default null (not measurable: the printer prints). */
  measureHtml?: (html: string) => ColumnRead | null;
  measure?: Behaviour;
  pageClose?: Behaviour;
  version?: Behaviour;
  close?: Behaviour;
  /** SIGKILL to the tree: by default the browser has exited at once. */
  kill?: Behaviour;
}

export interface FakeRecord {
  requests: LaunchRequest[];
  calls: string[];
  killed: number;
  /** Makes the fake report a lost connection (as a crash would). */
  loseConnection(): void;
  /** Settles when the first launch is asked for (tests wait on it, not on a number of turns). */
  launched: Promise<void>;
}

const never = <T>(): Promise<T> => new Promise<T>(() => undefined);

function act<T>(b: Behaviour | undefined, value: T): Promise<T> {
  if (b === undefined || b === 'ok') return Promise.resolve(value);
  if (b === 'hang') return never();
  if (b instanceof Error) return Promise.reject(b);
  if ('after' in b) return b.after.then(() => act(b.then, value));
  return Promise.reject(b.reject);
}

/**
 * Options that build the bundled sample's PDF into `outDir` by the build's own printer on the
 * fake Chromium `launcher` (named as if by --browser): no cache, no environment.
 */
export function fakeChromiumBuild(launcher: Launcher, outDir: string): Omit<BuildOptions, 'quarter'> {
  return {
    dataDir: join(ROOT, 'data'),
    outDir,
    formats: ['pdf'],
    config: DEFAULT_CONFIG,
    cwd: tempDir(),
    cacheDir: null,
    env: {},
    launcher,
    browsers: [{ path: process.execPath, source: '--browser' }],
  };
}

/** A PDF the printer returns untouched (print-bulletin reads it; these tests call the job directly). */
export const FAKE_PDF = new Uint8Array([37, 80, 68, 70]);

export function fakeLauncher(script: FakeScript): { launcher: Launcher; record: FakeRecord } {
  const lost: Array<() => void> = [];
  let onLaunch: () => void = () => undefined;
  const record: FakeRecord = {
    launched: new Promise<void>((resolve) => (onLaunch = resolve)),
    requests: [],
    calls: [],
    killed: 0,
    loseConnection: () => lost.forEach((l) => l()),
  };
  let pass = 0;
  let html = '';
  const page: ChromiumPage = {
    lockDown: () => (record.calls.push('lockDown'), act(script.lockDown, undefined)),
    load: (url) => {
      record.calls.push('load');
      html = readFileSync(fileURLToPath(url), 'utf8');
      return act(script.load, undefined);
    },
    replaceBody: (body) => {
      record.calls.push('replaceBody');
      html = html.slice(0, html.search(/<body[\s>]/i)) + body;
      return act(script.replaceBody, undefined);
    },
    pdf: async () => {
      record.calls.push('pdf');
      const printed = script.printHtml ? await script.printHtml(html) : FAKE_PDF;
      return act(script.pdf?.[pass++], printed);
    },
    measure: () => {
      record.calls.push('measure');
      return act(script.measure, script.measureHtml ? script.measureHtml(html) : null);
    },
    close: () => (record.calls.push('page.close'), act(script.pageClose, undefined)),
  };
  const chromium: Chromium = {
    executable: '/fake/chromium',
    version: () => (record.calls.push('version'), act(script.version, 'FakeChromium/1.0')),
    newPage: () => (record.calls.push('newPage'), act(script.newPage, page)),
    close: () => (record.calls.push('close'), act(script.close, undefined)),
    kill: () => {
      record.killed++;
      return act(script.kill, undefined);
    },
    onLost: (l) => void lost.push(l),
  };
  const launcher: Launcher = (request) => {
    record.requests.push(request);
    onLaunch();
    return act(script.launch, chromium);
  };
  return { launcher, record };
}
