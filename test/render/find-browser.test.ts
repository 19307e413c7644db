import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { browserChoices, type Env } from '../../src/config/resolve-options.js';
import { findBrowser, INSTALL_HINT } from '../../src/render/find-browser.js';

/** As the CLI finds it: the order is resolveOptions' (flag, environment, configuration), then the usual places. */
const find = (choice: string | { configured?: string } | undefined, env: Env) => {
  const flag = typeof choice === 'string' ? choice : undefined;
  const configured = typeof choice === 'object' ? choice.configured : undefined;
  return findBrowser(browserChoices(flag, env, { ...DEFAULT_CONFIG, browser: configured }, '/'));
};

describe('findBrowser', () => {
  it('prefers an explicit path and does not fall back silently when it is missing', () => {
    expect(find('/nonexistent/chrome', {})).toEqual({
      missing: { path: '/nonexistent/chrome', source: '--browser' },
    });
  });

  it('takes BULLETIN_BROWSER before PUPPETEER_EXECUTABLE_PATH', () => {
    expect(find(undefined, { BULLETIN_BROWSER: process.execPath, PUPPETEER_EXECUTABLE_PATH: '/x' })).toEqual({
      path: process.execPath,
      source: 'BULLETIN_BROWSER',
    });
    expect(find(undefined, { PUPPETEER_EXECUTABLE_PATH: process.execPath })).toEqual({
      path: process.execPath,
      source: 'PUPPETEER_EXECUTABLE_PATH',
    });
  });
});

describe('findBrowser order', () => {
  it('uses the configured browser after the environment, then system paths', () => {
    expect(find({ configured: process.execPath }, {})).toEqual({ path: process.execPath, source: 'config' });
    expect(find({ configured: process.execPath }, { BULLETIN_BROWSER: '/usr/bin/env' })).toEqual({
      path: '/usr/bin/env',
      source: 'BULLETIN_BROWSER',
    });
    expect(find({ configured: '/missing/chrome' }, {})).toEqual({
      missing: { path: '/missing/chrome', source: 'config' },
    });
    // puppeteer-core brings no browser: with nothing chosen, only the usual locations are searched.
    const found = find({}, {});
    expect('path' in found ? found.source : 'none').toMatch(/^(system|none)$/);
  });
});

describe('the message when no browser is found', () => {
  it('says how to install one on each kind of office machine, and how to name one elsewhere', () => {
    for (const system of ['Debian/Ubuntu', '统信UOS', '银河麒麟', 'CentOS/RHEL', 'macOS', 'Windows'])
      expect(INSTALL_HINT).toContain(system);
    for (const command of [
      'apt-get install -y chromium',
      'dnf install -y chromium',
      'brew install --cask google-chrome',
      'Microsoft Edge',
      '--browser',
      'BULLETIN_BROWSER',
    ])
      expect(INSTALL_HINT).toContain(command);
  });
});
