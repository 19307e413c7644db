/**
 * What Chromium does by itself when a build starts it, on the real browser:
 * with the build's command line it opens no page of its own. Chromium 156
 * preloaded the omnibox's two suggestion popups (WebUI pages in a renderer of
 * their own) at every launch, 0.6-0.8 s of CPU a build; they are there as soon
 * as the browser answers, so the list below is complete when it is read.
 */
import puppeteer from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { chromiumCommandLine, profileIn } from '../../src/render/chromium-args.js';
import { findBrowser } from '../../src/render/find-browser.js';
import { tempDir } from '../helpers/cli.js';

describe('Chromium started with the build’s command line', () => {
  it('opens no page of its own: every target is the blank page it was given', async () => {
    const found = findBrowser([]);
    if (!('path' in found)) throw new Error('no Chromium on this machine');
    // As the build starts it (chromium-process.ts), with Puppeteer's launch only owning the process here.
    const args = chromiumCommandLine(profileIn(tempDir()));
    const browser = await puppeteer.launch({
      executablePath: found.path,
      ignoreDefaultArgs: true,
      args: args.filter((a) => a !== '--remote-debugging-pipe'),
      pipe: true,
    });
    try {
      const session = await browser.target().createCDPSession();
      const { targetInfos } = await session.send('Target.getTargets', { filter: [{}] });
      const urls = targetInfos.map((t) => t.url);
      expect(urls.length).toBeGreaterThan(0);
      expect(urls.filter((u) => u !== 'about:blank')).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
