/**
 * What the build's browser left behind (a browser the system would not let it
 * kill) is a warning among the build's findings: in the result of a build that
 * succeeded, in the error of one that failed, once for a batch. Chromium is
 * faked; nothing waits for a time limit.
 */
import { describe, expect, it } from 'vitest';
import { BulletinError } from '../../src/model/errors.js';
import { parseQuarter } from '../../src/model/quarter.js';
import { buildBulletin, buildMany } from '../../src/pipeline/build.js';
import { ChromiumGone } from '../../src/render/chromium.js';
import { tempDir } from '../helpers/cli.js';
import { fakeChromiumBuild, fakeLauncher, type FakeScript } from '../helpers/fake-chromium.js';
import { headingsOf, pdfWithBookmarks } from '../helpers/fake-printer.js';

/** Every heading on page 1: a layout that holds at once. */
const printHtml = (html: string) =>
  pdfWithBookmarks(
    1,
    headingsOf(html).map((title) => ({ title, page: 1 })),
  );

/** A browser that refuses to quit, and a kill the system refuses (another user's process). */
const UNKILLABLE: FakeScript = {
  printHtml,
  close: new Error('Protocol error (Browser.close): Target closed'),
  kill: Object.assign(new Error('kill EPERM'), { code: 'EPERM' }),
};

function withFake(script: FakeScript) {
  const { launcher, record } = fakeLauncher(script);
  const options = fakeChromiumBuild(launcher, tempDir('build-leftovers-'));
  return { options, record, warning: () => browserLeft(record.requests[0]!.runDir) };
}

const browserLeft = (runDir: string) => ({
  severity: 'warning',
  code: 'cleanup.browser-left',
  file: runDir,
  message: `浏览器可能仍在运行（无法强制结束：没有权限），它的运行文件夹是 ${runDir}`,
  hint: `生成的文件不受影响。可用 pkill -9 -f '${runDir}' 结束它。`,
});

describe('a build says what its browser left behind', () => {
  it('a build that succeeded: a warning in its findings, the outputs written', async () => {
    const { options, record, warning } = withFake(UNKILLABLE);
    const r = await buildBulletin({ ...options, quarter: parseQuarter('2022Q3') });
    expect(r.ok).toBe(true);
    expect(r.outputs.map((f) => f.split('/').pop())).toContain('bulletin.pdf');
    expect(record.killed).toBe(1);
    expect(r.issues.filter((i) => i.code.startsWith('cleanup.'))).toEqual([expect.objectContaining(warning())]);
  });

  it('a build that failed: the warning among its error’s findings, the error unchanged otherwise', async () => {
    const { options, warning } = withFake({ ...UNKILLABLE, pdf: [new ChromiumGone(new Error('Target closed'))] });
    const e = await buildBulletin({ ...options, quarter: parseQuarter('2022Q3') }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(BulletinError);
    expect(e).toMatchObject({ code: 'browser.crashed', kind: 'browser' });
    expect((e as BulletinError).message).toContain('意外退出');
    expect((e as BulletinError).findings).toEqual([expect.objectContaining(warning())]);
  });

  it('a batch: said once, with its last quarter', async () => {
    const { options, warning } = withFake(UNKILLABLE);
    const results = await buildMany(['2022Q1', '2022Q2', '2022Q3'].map(parseQuarter), options);
    const said = results.map((r) => r.issues.filter((i) => i.code.startsWith('cleanup.')));
    expect(said).toEqual([[], [], [expect.objectContaining(warning())]]);
  });

  it('a build whose browser ended well says nothing of the kind', async () => {
    const { options } = withFake({ printHtml });
    const r = await buildBulletin({ ...options, quarter: parseQuarter('2022Q3') });
    expect(r.issues.filter((i) => i.code.startsWith('cleanup.'))).toEqual([]);
  });
});
