import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBulletin } from '../../src/pipeline/build.js';
import { createPrinter } from '../../src/render/browser.js';
import { findBrowser } from '../../src/render/find-browser.js';
import { samplePdfOptions } from '../helpers/sample-build.js';
import { eventually } from '../helpers/processes.js';
import { tempDir } from '../helpers/cli.js';
import { colouredPixels, pageImages } from '../helpers/pdf.js';

/**
 * A trap for any request: Chromium is started with this local server as its
 * proxy for everything, loopback included, so every HTTP request and every
 * HTTPS connection it tries arrives here. The build's last safety net (no
 * name is ever resolved: `--host-resolver-rules`) would stop them before the
 * proxy too, so it is switched off (an empty value, given last, wins) to test
 * that the other flags alone make Chromium try nothing.
 */
let trap: Server;
let requests: string[] = [];
let proxyArgs: string[];

beforeAll(async () => {
  trap = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.statusCode = 502;
    res.end();
  });
  trap.on('connect', (req, socket) => {
    requests.push(`CONNECT ${req.url}`);
    socket.destroy();
  });
  await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
  const { port } = trap.address() as AddressInfo;
  proxyArgs = [`--proxy-server=http://127.0.0.1:${port}`, '--proxy-bypass-list=<-loopback>', '--host-resolver-rules='];
});

afterAll(() => new Promise<void>((resolve) => trap.close(() => resolve())));

const browserPath = (): string => {
  const found = findBrowser([]);
  if (!('path' in found)) throw new Error('no Chromium on this machine');
  return found.path;
};

describe('a PDF build makes no network request of any kind', () => {
  it('the trap works: with the account list pointed at a host again, Chromium’s start-up request reaches it', async () => {
    requests = [];
    const printer = createPrinter({
      executablePath: browserPath(),
      extraArgs: [...proxyArgs, '--gaia-url=https://accounts.trap.invalid/'],
    });
    try {
      await (await printer.open()).close();
      await eventually(() => requests.some((r) => r.includes('accounts.trap.invalid')), 'the trap sees the request');
    } finally {
      await printer.close();
    }
  });

  it('the safety net alone stops that request before it leaves Chromium', async () => {
    requests = [];
    const printer = createPrinter({
      executablePath: browserPath(),
      extraArgs: [...proxyArgs.slice(0, 2), '--gaia-url=https://accounts.trap.invalid/'],
    });
    try {
      const job = await printer.open();
      // The request above came within two seconds of the launch; this print and the close take longer.
      await job.print('<html><head></head><body><p>x</p></body></html>');
      await job.close();
    } finally {
      await printer.close();
    }
    expect(requests).toEqual([]);
  });

  it('a real build of 2022Q3 (launch, its layout passes, close): nothing reaches the trap', async () => {
    requests = [];
    const passes: string[] = [];
    const printer = createPrinter({ executablePath: browserPath(), extraArgs: proxyArgs, env: process.env });
    try {
      const result = await buildBulletin(
        await samplePdfOptions(printer),
        (p) => void (p.phase === 'pdf' && passes.push(p.message)),
      );
      expect(result.ok).toBe(true);
      // A load and a body swap: the first layout measured, the look-ahead's printed at once (pass-plan.ts).
      expect(passes).toHaveLength(2);
      expect(passes[0]).toMatch(/^测量 PDF：第 1 遍排版，\d+ 页（未打印）$/);
      expect(passes[1]).toMatch(/^打印 PDF：第 2 遍排版，\d+ 页$/);
    } finally {
      await printer.close();
    }
    expect(requests).toEqual([]);
  });
});

/** A blue square, as a file elsewhere on disk or as a data: URL. */
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#0000ff"/></svg>';

/** Blue pixels of a printed page (a refused image leaves at most Chromium's small broken-image icon). */
function bluePixels(pdf: Uint8Array): number {
  const file = join(tempDir(), 'page.pdf');
  writeFileSync(file, pdf);
  return pageImages(file).reduce((n, img) => n + colouredPixels(img), 0);
}

describe('a print page loads its own file and data: URLs, nothing else (request-guard.ts)', () => {
  it('refuses another file and an address, without a request leaving; prints a data: image', async () => {
    requests = [];
    const { port } = trap.address() as AddressInfo;
    const other = join(tempDir(), 'elsewhere.svg');
    writeFileSync(other, SVG);
    const img = (src: string) => `<img src="${src}" style="width:200px;height:200px">`;
    const page = (srcs: string[]) => `<!doctype html><html><head></head><body>${srcs.map(img).join('')}</body></html>`;
    const data = `data:image/svg+xml;base64,${Buffer.from(SVG).toString('base64')}`;
    const printer = createPrinter({ executablePath: browserPath(), env: process.env });
    try {
      const job = await printer.open();
      const withData = await job.print(page([data]));
      const refused = await job.print(page([pathToFileURL(other).href, `http://127.0.0.1:${port}/x.svg`]));
      await job.close();
      expect(bluePixels(withData)).toBeGreaterThan(1000);
      expect(bluePixels(refused)).toBe(0);
    } finally {
      await printer.close();
    }
    expect(requests).toEqual([]);
  });
});
