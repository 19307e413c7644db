import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { browserCheck, type BrowserCheckOptions } from '../../src/doctor/browser-check.js';
import { fakeLauncher, type FakeScript } from '../helpers/fake-chromium.js';
import { tempDir } from '../helpers/cli.js';

function options(script: FakeScript, more: Partial<BrowserCheckOptions> = {}) {
  const { launcher, record } = fakeLauncher(script);
  const tmp = tempDir('doctor-browser-');
  const o: BrowserCheckOptions = {
    browsers: [{ path: process.execPath, source: '--browser' }],
    env: {},
    tempDir: tmp,
    timeoutMs: 50,
    configSource: '（默认设置）',
    launcher,
    readVersion: async () => 'Chromium 1.0',
    ...more,
  };
  return { o, record, tmp };
}

describe('doctor starts the browser for real and prints a page', () => {
  it('passes only after a print, and leaves no run folder', async () => {
    const { o, record, tmp } = options({});
    const check = await browserCheck(o);
    expect(check).toMatchObject({ name: '浏览器', ok: true, hint: null });
    expect(check.detail).toContain('Chromium 1.0，试印成功');
    expect(record.calls).toContain('pdf');
    expect(readdirSync(tmp)).toEqual([]);
  });

  // It answered --version, so it passed; the build then failed with exit 4.
  it('a browser that prints its version but cannot start fails the check, with how to see its own error', async () => {
    const { o } = options({ launch: new Error('Failed to launch: no usable sandbox') });
    const check = await browserCheck(o);
    expect(check.ok).toBe(false);
    expect(check.detail).toContain('Chromium 1.0：浏览器没有启动');
    expect(check.hint).toContain(`${process.execPath} --headless --dump-dom about:blank`);
    expect(check.detail + check.hint).not.toContain('sandbox');
  });

  it('a browser that hangs is killed within the time limit (with its processes), not left running', async () => {
    const { o, record } = options({ newPage: 'hang' });
    const check = await browserCheck(o);
    expect(check.ok).toBe(false);
    expect(check.detail).toContain('停止响应');
    expect(record.killed).toBeGreaterThan(0);
  });

  it('a print that is not a PDF fails the check', async () => {
    const { o } = options({ printHtml: async () => new Uint8Array([60, 104, 116, 109, 108]) });
    expect(await browserCheck(o)).toMatchObject({ ok: false, detail: expect.stringContaining('没有打印出 PDF') });
  });

  it('a browser that does not answer --version is not started', async () => {
    const { o, record } = options({}, { readVersion: async () => null });
    expect(await browserCheck(o)).toMatchObject({ ok: false, detail: expect.stringContaining('无法运行') });
    expect(record.requests).toEqual([]);
  });
});
