/** Options resolved with the quarter's data or for validate (the rest: resolve-options.test.ts). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, loadConfig } from '../../src/config/config.js';
import { packageRoot } from '../../src/config/package-root.js';
import { mastheadNames, templateDirs } from '../../src/config/resolve-options.js';
import { archivesFor } from '../../src/inputs/validate-report.js';
import { tempDir } from '../helpers/cli.js';

describe('options that need the quarter’s data', () => {
  const home = { name: '广东省', short: '广东' };

  it('name and publisher: configuration, else derived from the home province', () => {
    const set = { ...DEFAULT_CONFIG, bulletinName: '粤召回', publisher: '某中心' };
    expect(mastheadNames(set, home)).toEqual({ bulletinName: '粤召回', publisher: '某中心' });
    expect(mastheadNames(DEFAULT_CONFIG, home)).toEqual({
      bulletinName: '广东缺陷产品召回',
      publisher: '广东省市场监督管理局缺陷产品召回服务中心',
    });
  });

  it('template folders: the bundled ones, then the flag’s folder, else the configuration’s', () => {
    const bundled = join(packageRoot(), 'templates');
    const config = { ...DEFAULT_CONFIG, templates: '/c' };
    expect(templateDirs('/t', config)).toEqual([bundled, '/t']);
    expect(templateDirs(undefined, config)).toEqual([bundled, '/c']);
    expect(templateDirs(undefined, DEFAULT_CONFIG)).toEqual([bundled]);
  });
});

describe('validate looks for archives where build writes them', () => {
  it('the output folder beside a found configuration, not <working folder>/out (issue 14)', async () => {
    const project = tempDir('bulletin-options-');
    const cwd = join(project, 'data', '2022Q3');
    mkdirSync(cwd, { recursive: true });
    writeFileSync(join(project, 'bulletin.config.json'), '{}');
    const config = await loadConfig(undefined, cwd);
    const data = join(project, 'data');
    expect(archivesFor(data, { paths: ['.'], quarter: null, config, cwd })).toEqual([
      join(project, 'out'),
      join(data, 'archive'),
    ]);
    expect(archivesFor(data, { paths: ['.'], quarter: null, config, cwd, outDir: '/o' })[0]).toBe('/o');
  });
});
