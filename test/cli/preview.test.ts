import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/render/find-browser.js';
import { BIN, ROOT, tempDir } from '../helpers/cli.js';

let child: ChildProcess;
let browser: Browser;
let url: string;
let data: string;

beforeAll(async () => {
  data = tempDir();
  cpSync(join(ROOT, 'data', '2022Q3'), join(data, '2022Q3'), { recursive: true });
  rmSync(join(data, '2022Q3', 'recalls.xlsx'));
  cpSync(join(ROOT, 'fixtures', 'sample-records', 'recalls-utf8.csv'), join(data, '2022Q3', 'recalls.csv'));
  child = spawn(process.execPath, [BIN, 'preview', '--quarter', '2022Q3', '--data', data, '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1' },
  });
  url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (m) resolveUrl(m[0]);
    });
    child.on('exit', (code) => reject(new Error(`preview exited ${code}`)));
  });
  const found = findBrowser({}, process.env);
  if (!('path' in found)) throw new Error('no browser');
  browser = await puppeteer.launch({
    executablePath: found.path,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  child?.kill('SIGTERM');
});

async function bulletinText(page: import('puppeteer-core').Page): Promise<string> {
  const frame = await (await page.waitForSelector('#bulletin'))!.contentFrame();
  await frame!.waitForSelector('.masthead');
  return frame!.evaluate(() => document.body.innerText);
}

describe('bulletin preview', () => {
  it('serves the bulletin with the findings on top, and reloads when a data file changes', async ({ annotate }) => {
    const page = await browser.newPage();
    await page.goto(url);
    expect(await page.$eval('#findings', (e) => e.textContent)).toContain('合计行写“共享缺陷线索报告信息”为 35');
    expect(await bulletinText(page)).toContain('共召回缺陷产品418448件');

    const file = join(data, '2022Q3', 'recalls.csv');
    const saved = performance.now();
    writeFileSync(file, readFileSync(file, 'utf8').replace(',益阳,机械物理,98,', ',益阳,机械物理,99,'));
    await page.waitForFunction(() => document.querySelector('#version')?.textContent !== '#1', { timeout: 20_000 });
    expect(await bulletinText(page)).toContain('共召回缺陷产品418449件');
    // Issue 15's target (shown within 1 s of the save) is a measurement, reported in BENCHMARKS.md, not
    // an assertion: a loaded CI machine must not fail the behaviour checked above.
    await annotate(`save → new version shown in the browser: ${Math.round(performance.now() - saved)} ms`);
    await page.close();
  });

  it('shows unfinished content as a stamped draft with its findings, not as the previous version', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    const before = await page.$eval('#version', (e) => e.textContent);
    const article = join(data, '2022Q3', 'articles', '01-director-inspection.md');
    writeFileSync(article, readFileSync(article, 'utf8').replace(/^title: .*$/m, 'title: 【待填写】标题'));
    await page.waitForFunction(
      (v) => document.querySelector('#version')?.textContent !== v,
      { timeout: 20_000 },
      before,
    );
    expect(await page.$eval('#status', (e) => e.textContent)).toContain('草稿');
    expect(await page.$eval('#findings', (e) => e.textContent)).toContain('title: 【待填写】标题');
    const text = await bulletinText(page);
    expect(text).toContain('草稿说明：正式出版前需要解决的问题');
    expect(text).toContain('【待填写】标题');
    await page.close();
  });
});
