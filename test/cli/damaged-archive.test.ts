/**
 * A damaged archive (data/archive/<季度>/stats.json cut short, or from another
 * version): stats and compare stop with exit 3 and a Chinese message naming the
 * file, a build's 同比/环比 sentence says why it was left out, and nothing is
 * written. Run in-process through runCli, in a temporary folder.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.js';
import { ROOT, tempDir } from '../helpers/cli.js';

const ARCHIVED = join('data', 'archive', '2021Q4', 'stats.json');

/** The bundled data with 2021Q4's archive replaced by `damage` of its text. */
function projectWithArchive(damage: (text: string) => string): string {
  const cwd = tempDir('damaged-archive-');
  cpSync(join(ROOT, 'data'), join(cwd, 'data'), { recursive: true });
  writeFileSync(join(cwd, ARCHIVED), damage(readFileSync(join(cwd, ARCHIVED), 'utf8')));
  return cwd;
}

async function run(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: (t: string) => void (stdout += t),
    stderr: (t: string) => void (stderr += t),
    cwd,
    env: { NO_COLOR: '1' },
    isTty: false,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

const CUT_SHORT = (t: string) => t.slice(0, Math.floor(t.length / 2));
const OTHER_VERSION = (t: string) => JSON.stringify({ ...JSON.parse(t), schemaVersion: 99 });

describe('a damaged archive', () => {
  it('stats: a stats.json cut short is exit 3 naming the file, with what to do; nothing written', async () => {
    const cwd = projectWithArchive(CUT_SHORT);
    const r = await run(['stats', '--quarter', '2021Q4'], cwd);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `错误：${ARCHIVED} 不是有效的 JSON。\n  → 请用 bulletin build 重新生成该季度的 stats.json。\n`,
    );
    expect(readdirSync(cwd)).toEqual(['data']);
  });

  it('stats --json: one JSON document with the error code, for scripts', async () => {
    const cwd = projectWithArchive(CUT_SHORT);
    const r = await run(['stats', '--quarter', '2021Q4', '--json'], cwd);
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout)).toMatchObject({
      ok: false,
      error: {
        code: 'input.archive.unreadable',
        exitCode: 3,
        hint: '请用 bulletin build 重新生成该季度的 stats.json。',
      },
    });
  });

  it('stats: an archive from another version is refused the same way, saying which version it is', async () => {
    const cwd = projectWithArchive(OTHER_VERSION);
    const r = await run(['stats', '--quarter', '2021Q4'], cwd);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(
      `错误：${ARCHIVED} 不是本版本可读的 2021Q4 统计（schemaVersion 99）。\n  → 请用当前版本的 bulletin build 重新生成。\n`,
    );
  });

  it('compare with the damaged quarter: exit 3 naming the file, never figures computed without it', async () => {
    const cwd = projectWithArchive(CUT_SHORT);
    const r = await run(['compare', '2021Q4', '2022Q1'], cwd);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`错误：${ARCHIVED} 不是有效的 JSON。`);
  });

  it('build with the 同比/环比 sentence on: a warning says the damaged quarter was left out; the build still succeeds', async () => {
    const cwd = projectWithArchive(CUT_SHORT);
    writeFileSync(join(cwd, 'bulletin.config.json'), JSON.stringify({ trend: true }));
    const r = await run(['build', '--quarter', '2022Q1', '--format', 'html', '--out', 'out', '--json', '--quiet'], cwd);
    expect(r.code).toBe(0);
    const note = (JSON.parse(r.stdout) as { issues: Array<Record<string, string>> }).issues.find(
      (i) => i.code === 'trend.unavailable',
    );
    expect(note).toMatchObject({ severity: 'warning', file: 'data/2022Q1', value: '2021Q1,2021Q4' });
    expect(note?.message).toContain(`2021Q4：${ARCHIVED} 不是有效的 JSON。`);
    expect(readFileSync(join(cwd, 'out', '2022Q1', 'bulletin.html'), 'utf8')).not.toMatch(
      /与上年同期相比|与上季度相比/,
    );
  });
});
