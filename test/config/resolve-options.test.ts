/**
 * Every option over its layers (flag, environment, configuration file,
 * default), each asserting the value resolved and so the folder it was
 * resolved against: the working folder is <project>/sub, the configuration
 * file (when there is one) <project>/bulletin.config.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { resolveOptions, type Env, type OptionFlags, type ResolvedOptions } from '../../src/config/resolve-options.js';
import { tempDir } from '../helpers/cli.js';

interface Dirs {
  project: string;
  cwd: string;
}

interface Row {
  flags?: OptionFlags;
  env?: Env;
  /** Keys of <project>/bulletin.config.json; absent: no configuration file anywhere. */
  config?: Record<string, unknown>;
  want: (d: Dirs) => unknown;
}

type Table = Record<string, { pick: (o: ResolvedOptions) => unknown; rows: Record<string, Row> }>;

async function resolveRow(row: Row): Promise<{ resolved: ResolvedOptions; dirs: Dirs }> {
  const project = tempDir('bulletin-options-');
  const cwd = join(project, 'sub');
  mkdirSync(cwd);
  if (row.config) writeFileSync(join(project, 'bulletin.config.json'), JSON.stringify(row.config));
  return { resolved: await resolveOptions(row.flags ?? {}, row.env ?? {}, cwd), dirs: { project, cwd } };
}

const TABLE: Table = {
  data: {
    pick: (o) => o.dataDir,
    rows: {
      'flag, against the working folder, over the file': {
        flags: { data: 'f' },
        config: { data: 'c' },
        want: (d) => join(d.cwd, 'f'),
      },
      'configuration, against its folder': { config: { data: 'c' }, want: (d) => join(d.project, 'c') },
      'default beside a found configuration': { config: {}, want: (d) => join(d.project, 'data') },
      'default in the working folder without one': { want: (d) => join(d.cwd, 'data') },
      'default in the working folder with --config FILE': {
        flags: { config: '../bulletin.config.json' },
        config: {},
        want: (d) => join(d.cwd, 'data'),
      },
    },
  },
  out: {
    pick: (o) => o.outDir,
    rows: {
      'flag, against the working folder, over the file': {
        flags: { out: 'f' },
        config: { out: 'c' },
        want: (d) => join(d.cwd, 'f'),
      },
      'configuration, against its folder': { config: { out: 'c' }, want: (d) => join(d.project, 'c') },
      'default beside a found configuration': { config: {}, want: (d) => join(d.project, 'out') },
      'default in the working folder without one': { want: (d) => join(d.cwd, 'out') },
    },
  },
  config: {
    pick: (o) => o.config.source,
    rows: {
      'flag, against the working folder': {
        flags: { config: '../bulletin.config.json' },
        config: {},
        want: (d) => join(d.project, 'bulletin.config.json'),
      },
      'the nearest file in the working folder or above': {
        config: {},
        want: (d) => join(d.project, 'bulletin.config.json'),
      },
      'defaults without one': { want: () => DEFAULT_CONFIG.source },
    },
  },
  templates: {
    pick: (o) => o.templatesDir,
    rows: {
      'flag, against the working folder, over the file': {
        flags: { templates: 't' },
        config: { templates: 'c' },
        want: (d) => join(d.cwd, 't'),
      },
      'configuration, against its folder': { config: { templates: 'c' }, want: (d) => join(d.project, 'c') },
      'none: the bundled templates only': { want: () => undefined },
    },
  },
  browser: {
    pick: (o) => o.browsers,
    rows: {
      'flag, BULLETIN_BROWSER, PUPPETEER_EXECUTABLE_PATH, configuration, in that order': {
        flags: { browser: 'b' },
        env: { BULLETIN_BROWSER: 'e', PUPPETEER_EXECUTABLE_PATH: '/p/chrome' },
        config: { browser: 'c' },
        want: (d) => [
          { path: join(d.cwd, 'b'), source: '--browser' },
          { path: join(d.cwd, 'e'), source: 'BULLETIN_BROWSER' },
          { path: '/p/chrome', source: 'PUPPETEER_EXECUTABLE_PATH' },
          { path: join(d.project, 'c'), source: 'config' },
        ],
      },
      'environment before configuration': {
        env: { PUPPETEER_EXECUTABLE_PATH: 'p' },
        config: { browser: 'c' },
        want: (d) => [
          { path: join(d.cwd, 'p'), source: 'PUPPETEER_EXECUTABLE_PATH' },
          { path: join(d.project, 'c'), source: 'config' },
        ],
      },
      'none chosen: only the usual locations (find-browser.ts)': { env: { BULLETIN_BROWSER: '' }, want: () => [] },
    },
  },
  timeout: {
    pick: (o) => o.timeoutMs,
    rows: {
      'flag, in seconds': { flags: { timeout: '2.5' }, want: () => 2500 },
      'default 60 s': { want: () => 60_000 },
    },
  },
  format: {
    pick: (o) => o.formats,
    rows: {
      'flag, any case, repeats dropped': { flags: { format: 'HTML, docx,html' }, want: () => ['html', 'docx'] },
      'default pdf,html': { want: () => ['pdf', 'html'] },
    },
  },
  'cache dir': {
    pick: (o) => o.cacheDir,
    rows: {
      '--no-cache over everything': { flags: { cache: false }, env: { BULLETIN_CACHE_DIR: 'c' }, want: () => null },
      'BULLETIN_CACHE_DIR, against the working folder': {
        env: { BULLETIN_CACHE_DIR: 'c', XDG_CACHE_HOME: '/x' },
        want: (d) => join(d.cwd, 'c'),
      },
      XDG_CACHE_HOME: { env: { XDG_CACHE_HOME: '/x', HOME: '/h' }, want: () => '/x/bulletin/layouts' },
      'HOME/.cache': { env: { HOME: '/h' }, want: () => '/h/.cache/bulletin/layouts' },
      'none without a home': { want: () => null },
    },
  },
  'stream threshold': {
    pick: (o) => o.streamBytes,
    rows: {
      BULLETIN_STREAM_BYTES: { env: { BULLETIN_STREAM_BYTES: '1024' }, want: () => 1024 },
      'default (the reader’s 16 MB)': { want: () => undefined },
    },
  },
  'temporary folders': {
    pick: (o) => o.tempDir,
    rows: {
      'TMPDIR, against the working folder': { env: { TMPDIR: 't' }, want: (d) => join(d.cwd, 't') },
      'default: the system’s (none given)': { want: () => undefined },
    },
  },
  archive: {
    pick: (o) => o.archiveDirs,
    rows: {
      'flags against the working folder, then the output folder, then data/archive': {
        flags: { archive: ['a', '/abs'], data: 'd' },
        config: { out: 'o' },
        want: (d) => [join(d.cwd, 'a'), '/abs', join(d.project, 'o'), join(d.cwd, 'd', 'archive')],
      },
    },
  },
};

describe('resolveOptions: flag > environment > configuration file > default', () => {
  for (const [option, { pick, rows }] of Object.entries(TABLE))
    for (const [name, row] of Object.entries(rows))
      it(`${option}: ${name}`, async () => {
        const { resolved, dirs } = await resolveRow(row);
        expect(pick(resolved)).toEqual(row.want(dirs));
      });

  it('passes the environment on to Chromium as it was given', async () => {
    const env = { BULLETIN_BROWSER: '/b', LANG: 'zh_CN.UTF-8' };
    expect((await resolveOptions({}, env, tempDir())).env).toBe(env);
  });

  it('refuses a typed timeout or format that is not one, even when empty (exit 2, usage)', async () => {
    for (const flags of [{ timeout: '0' }, { timeout: 'soon' }, { format: '' }, { format: 'pdf,rtf' }])
      await expect(resolveOptions(flags, {}, tempDir())).rejects.toMatchObject({ kind: 'usage' });
  });

  // abc, -1 or 1.5 were passed over for the default without a word.
  it('refuses a BULLETIN_STREAM_BYTES that is not a whole number of bytes', async () => {
    for (const value of ['abc', '-1', '1.5', '1e400'])
      await expect(resolveOptions({}, { BULLETIN_STREAM_BYTES: value }, tempDir())).rejects.toMatchObject({
        code: 'usage.stream-bytes',
      });
    expect((await resolveOptions({}, { BULLETIN_STREAM_BYTES: '0' }, tempDir())).streamBytes).toBe(0);
  });
});
