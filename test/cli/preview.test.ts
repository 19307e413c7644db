import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/chromium.js';
import { BIN, ROOT, bulletin, sampleProject, tempDir } from '../helpers/cli.js';

let child: ChildProcess;
let browser: Browser;
let url: string;
let data: string;
const quarter = () => join(data, '2022Q3');

beforeAll(async () => {
  data = tempDir();
  cpSync(join(ROOT, 'data', '2022Q3'), quarter(), { recursive: true });
  rmSync(join(quarter(), 'recalls.xlsx'));
  cpSync(join(ROOT, 'fixtures', 'sample-records', 'recalls-utf8.csv'), join(quarter(), 'recalls.csv'));
  child = spawn(process.execPath, [BIN, 'preview', '--quarter', '2022Q3', '--data', data, '--port', '0'], {
    cwd: sampleProject(),
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
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  child?.kill('SIGTERM');
});

async function bulletinText(page: Page): Promise<string> {
  const frame = await (await page.waitForSelector('#bulletin'))!.contentFrame();
  await frame!.waitForSelector('.masthead');
  return frame!.evaluate(() => document.body.innerText);
}

/** As editors that save atomically do: a new file renamed over the old one. */
function saveAtomically(file: string, text: string): void {
  writeFileSync(`${file}.saving`, text);
  renameSync(`${file}.saving`, file);
}

/** Saves `file` edited, then waits (no fixed sleep) until the bulletin in the page shows `shown`: the milliseconds between. */
async function saveUntilShown(
  page: Page,
  file: string,
  edit: (text: string) => string,
  shown: string,
  save: (file: string, text: string) => void = writeFileSync,
): Promise<number> {
  const text = edit(readFileSync(file, 'utf8'));
  const saved = performance.now();
  save(file, text);
  // Across the page's reloads (each rebuild tells it to); textContent, not innerText, to force no layout while polled.
  await page.waitForFunction(
    (s) => document.querySelector<HTMLIFrameElement>('#bulletin')?.contentDocument?.body?.textContent?.includes(s),
    { polling: 10, timeout: 20_000 },
    shown,
  );
  return performance.now() - saved;
}

const median = (ms: number[]) => [...ms].sort((a, b) => a - b)[ms.length >> 1] as number;
const timings = (ms: number[]) => `median ${Math.round(median(ms))} ms of ${ms.map(Math.round).join(', ')} ms`;
/** Saves measured per kind of file: the median is the figure reported in BENCHMARKS.md. */
const SAVES = 5;

// Issue 15's target (a save shown within 1 s) is a measurement, reported as an annotation and in
// BENCHMARKS.md, not an assertion: a loaded CI machine must not fail the behaviour checked here.
describe('bulletin preview', () => {
  it('serves the bulletin with the findings on top', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    expect(await page.$eval('#findings', (e) => e.textContent)).toContain('合计行写“共享缺陷线索报告信息”为 35');
    expect(await bulletinText(page)).toContain('共召回缺陷产品418448件');
    await page.close();
  });

  it('shows each saved article change, new characters included, saved in place or atomically', async ({ annotate }) => {
    const page = await browser.newPage();
    await page.goto(url);
    const article = join(quarter(), 'articles', '05-yiyang-four-measures.md');
    const ms: number[] = [];
    for (let n = 1; n <= SAVES; n++) {
      // Each save brings characters the page had not used, so the web fonts' subsets change too.
      const line = `预览第${n}次保存：${'甲乙丙丁戊己庚辛壬癸'.slice(0, n * 2)}。`;
      const save = n % 2 ? saveAtomically : writeFileSync;
      ms.push(await saveUntilShown(page, article, (t) => `${t.trimEnd()}\n\n${line}\n`, line, save));
    }
    await page.waitForFunction(() => document.querySelector('#status')?.textContent === '已更新', { timeout: 20_000 });
    expect(await page.$eval('#version', (e) => e.textContent)).not.toBe('#1');
    await annotate(`article saved → new text shown in the browser: ${timings(ms)}`);
    await page.close();
  });

  it('shows each saved records change in the figures', async ({ annotate }) => {
    const page = await browser.newPage();
    await page.goto(url);
    const records = join(quarter(), 'recalls.csv');
    const ms: number[] = [];
    for (let n = 1; n <= SAVES; n++) {
      const edit = (t: string) => t.replace(`,益阳,机械物理,${97 + n},`, `,益阳,机械物理,${98 + n},`);
      ms.push(await saveUntilShown(page, records, edit, `共召回缺陷产品${418448 + n}件`));
    }
    await annotate(`records saved → new figures shown in the browser: ${timings(ms)}`);
    await page.close();
  });

  it('serves, after those saves, the page a build of the same files writes, with the same findings', async () => {
    const out = tempDir();
    const built = await bulletin([
      'build',
      '--quarter',
      '2022Q3',
      '--data',
      data,
      '--out',
      out,
      '--format',
      'html',
      '--json',
    ]);
    expect(built.code).toBe(0);
    const served = await (await fetch(`${url}bulletin.html`)).text();
    expect(served).toBe(readFileSync(join(out, '2022Q3', 'bulletin.html'), 'utf8'));
    const page = await browser.newPage();
    await page.goto(url);
    const findings = await page.$$eval('#findings li', (items) => items.map((i) => i.textContent ?? ''));
    const issues = (JSON.parse(built.stdout) as { issues: Array<{ message: string }> }).issues;
    expect(findings).toHaveLength(issues.length);
    issues.forEach((issue, i) => expect(findings[i]).toContain(issue.message));
    await page.close();
  });

  it('shows the findings of a save that breaks the data, and the bulletin again once it is fixed', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    const records = join(quarter(), 'recalls.csv');
    const good = readFileSync(records, 'utf8');
    const before = await page.$eval('#version', (e) => e.textContent);
    writeFileSync(records, good.replace('召回数量（件）', '备用栏'));
    await page.waitForFunction(
      (v) => document.querySelector('#version')?.textContent !== v,
      { timeout: 20_000 },
      before,
    );
    expect(await page.$eval('#status', (e) => e.textContent)).toContain('数据有错误');
    expect(await page.$eval('#findings', (e) => e.textContent)).toContain('缺少必需的列：召回数量');
    const fixed = good.replace(',益阳,机械物理,103,', ',益阳,机械物理,120,');
    await saveUntilShown(page, records, () => fixed, '共召回缺陷产品418470件');
    // The bar above changes once that version has loaded.
    await page.waitForFunction(() => document.querySelector('#status')?.textContent === '已更新', { timeout: 20_000 });
    expect(await page.$eval('#findings', (e) => e.textContent)).not.toContain('缺少必需的列');
    await page.close();
  });

  it('shows unfinished content as a stamped draft with its findings, not as the previous version', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    const before = await page.$eval('#version', (e) => e.textContent);
    const article = join(quarter(), 'articles', '01-director-inspection.md');
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

  it('reads the configuration again when it is saved: a mistake shows as a finding, the fix shows the bulletin', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    const file = join(sampleProject(), 'bulletin.config.json');
    const good = readFileSync(file, 'utf8');
    const before = await page.$eval('#version', (e) => e.textContent);
    writeFileSync(file, good.replace('"province"', '"provinse"'));
    await page.waitForFunction(
      (v) => document.querySelector('#version')?.textContent !== v,
      { timeout: 20_000 },
      before,
    );
    expect(await page.$eval('#findings', (e) => e.textContent)).toContain('配置文件');
    const renamed = good.replace('"bulletinName": "湖南缺陷产品召回"', '"bulletinName": "湖南召回预览刊"');
    // Atomically: the watch must follow the file to its new inode.
    await saveUntilShown(page, file, () => renamed, '湖南召回预览刊', saveAtomically);
    writeFileSync(file, renamed.replace('湖南召回预览刊', '湖南召回预览二刊'));
    await page.waitForFunction(
      () =>
        document
          .querySelector<HTMLIFrameElement>('#bulletin')
          ?.contentDocument?.body?.textContent?.includes('湖南召回预览二刊'),
      { polling: 10, timeout: 20_000 },
    );
    // A draft still (the test before left an unfinished title), but built again: no error stops it.
    await page.waitForFunction(() => !document.querySelector('#status')?.textContent?.includes('数据有错误'), {
      timeout: 20_000,
    });
    expect(await page.$eval('#findings', (e) => e.textContent)).not.toContain('配置文件');
    await page.close();
  });
});
