/** What scripts and CI jobs rely on: one JSON document on stdout, stdin, config discovery, colours, help, completion. */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, bulletin, ROOT, tempDir } from '../helpers/cli.js';

function withInput(args: string[], input: Buffer | string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Failure {
  schemaVersion: number;
  ok: boolean;
  error: { code: string; message: string; hint: string; exitCode: number };
}

describe('--json: exactly one JSON document on stdout, on every exit path', () => {
  const empty = tempDir();
  it.each([
    [['build', '--quarter', '2031Q1', '--data', empty, '--json'], 3, 'input.quarter-dir.missing'],
    [['build', '--quarter', '2022Q5', '--json'], 2, 'usage.quarter'],
    [['build', '--json'], 2, 'usage.missingMandatoryOptionValue'],
    [['stats', '--quarter', '2031Q1', '--data', empty, '--json'], 3, null],
    [['compare', '2031Q1', '2031Q2', '--data', empty, '--json'], 3, null],
    [['validate', '--json', '--nope'], 2, 'usage.unknownOption'],
    [['validate', join(empty, '2022Q3'), '--json'], 3, 'input.quarter-dir.missing'],
  ])('%j exits %i with ok:false and the error, and the message on stderr', (args, code, errorCode) => {
    const r = bulletin(args as string[]);
    expect(r.code).toBe(code);
    const doc = JSON.parse(r.stdout) as Failure;
    expect(doc.ok).toBe(false);
    expect(doc.error.exitCode).toBe(code);
    if (errorCode) expect(doc.error.code.startsWith(errorCode)).toBe(true);
    expect(doc.error.message.length).toBeGreaterThan(3);
    expect(r.stderr).toContain(doc.error.message.replace(/^错误：/, ''));
  });

  it('a build with invalid data: the findings in the document and on stderr, error data.invalid, exit 1', () => {
    const data = tempDir();
    mkdirSync(join(data, '2022Q3'));
    writeFileSync(
      join(data, '2022Q3', 'recalls.csv'),
      '发布日期,生产者,产品名称,产品类别,市州,缺陷类型,召回数量\n2022-07-20,甲公司,电暖器,01,长沙,电气安全,abc\n',
    );
    const r = bulletin(['build', '--quarter', '2022Q3', '--data', data, '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as Failure & { schemaVersion: number; issues: Array<{ code: string }> };
    expect(doc).toMatchObject({ schemaVersion: 1, ok: false, error: { code: 'data.invalid', exitCode: 1 } });
    expect(doc.issues.map((i) => i.code)).toContain('value.quantity.invalid');
    expect(r.stderr).toContain('value.quantity.invalid');
    const quiet = bulletin(['build', '--quarter', '2022Q3', '--data', data, '--json', '--quiet']);
    expect(quiet.stderr).toBe('');
    expect((JSON.parse(quiet.stdout) as Failure).error.code).toBe('data.invalid');
  });

  it('doctor --json carries schemaVersion and the configuration file used', () => {
    const r = bulletin(['doctor', '--json']);
    const doc = JSON.parse(r.stdout) as { schemaVersion: number; config: string; checks: unknown[] };
    expect(doc.schemaVersion).toBe(1);
    expect(doc.config).toBe(join(ROOT, 'bulletin.config.json'));
    expect(doc.checks.length).toBeGreaterThanOrEqual(3);
  });
});

describe('validate - (standard input)', () => {
  it('reads a CSV with --kind recalls and names it "-"', () => {
    const csv = readFileSync(join(ROOT, 'data', '2022Q1', 'recalls.csv'));
    const r = withInput(['validate', '-', '--kind', 'recalls', '--quarter', '2022Q1', '--json'], csv);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { files: Array<{ file: string; kind: string; format: string }> };
    expect(doc.files).toEqual([expect.objectContaining({ file: '-', kind: 'recalls', format: 'csv' })]);
  });

  it('recognises a workbook by its content and its kind by its columns', () => {
    const xlsx = readFileSync(join(ROOT, 'data', '2022Q3', 'recalls.xlsx'));
    const r = withInput(['validate', '-', '--quarter', '2022Q3', '--json'], xlsx);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { files: Array<{ file: string; kind: string; format: string }> };
    expect(doc.files).toEqual([expect.objectContaining({ file: '-', kind: 'recalls', format: 'xlsx' })]);
  });

  it('finds errors on stdin with their rows, and refuses an unknown --kind (exit 2)', () => {
    const bad =
      '发布日期,生产者,产品名称,产品类别,市州,缺陷类型,召回数量\n2022-07-20,甲公司,电暖器,01,长沙,电气安全,abc\n';
    const r = withInput(['validate', '-', '--kind', 'recalls', '--quarter', '2022Q3', '--json'], bad);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { findings: Array<{ file: string; row: number; code: string }> };
    expect(doc.findings).toContainEqual(expect.objectContaining({ file: '-', row: 2, code: 'value.quantity.invalid' }));
    expect(withInput(['validate', '-', '--kind', 'recall'], bad).code).toBe(2);
  });
});

describe('configuration discovery', () => {
  it('finds bulletin.config.json in a parent folder; data and out are relative to it; doctor names it', () => {
    const dir = tempDir();
    cpSync(join(ROOT, 'data', '2022Q1'), join(dir, 'inputs', '2022Q1'), { recursive: true });
    writeFileSync(
      join(dir, 'bulletin.config.json'),
      JSON.stringify({ province: '湖南省', data: 'inputs', out: 'outputs' }),
    );
    const sub = join(dir, 'inputs', '2022Q1');
    const r = bulletin(['build', '--quarter', '2022Q1', '--format', 'html', '--quiet'], { cwd: sub });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(dir, 'outputs', '2022Q1', 'bulletin.html'))).toBe(true);
    const doctor = bulletin(['doctor', '--json'], { cwd: sub });
    expect((JSON.parse(doctor.stdout) as { config: string }).config).toBe(join(dir, 'bulletin.config.json'));
    expect(doctor.stderr).toContain(`配置：${join(dir, 'bulletin.config.json')}`);
  });

  it('without data/out in the file, data/ and out/ beside the file', () => {
    const dir = tempDir();
    cpSync(join(ROOT, 'data', '2022Q1'), join(dir, 'data', '2022Q1'), { recursive: true });
    writeFileSync(join(dir, 'bulletin.config.json'), '{}');
    const r = bulletin(['validate', '--quarter', '2022Q1', '--json'], { cwd: join(dir, 'data', '2022Q1') });
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { summary: { files: number } }).summary.files).toBe(4);
  });
});

describe('colours', () => {
  it('FORCE_COLOR colours a pipe; FORCE_COLOR=0 and TERM=dumb give none', () => {
    const args = ['validate', 'data/2022Q3'];
    const forced = bulletin(args, { env: { FORCE_COLOR: '1' } });
    expect(forced.stderr).toContain('\u001b[');
    expect(bulletin(args, { env: { FORCE_COLOR: '0' } }).stderr).not.toContain('\u001b[');
    expect(bulletin(args, { env: { TERM: 'dumb' } }).stderr).not.toContain('\u001b[');
  });
});

describe('help and usage errors in Chinese', () => {
  it('has no English from commander left', () => {
    const texts = [
      bulletin(['--help']).stdout,
      bulletin(['build', '--help']).stdout,
      bulletin(['help', 'preview']).stdout,
      bulletin(['buidl']).stderr,
      bulletin(['validate', '--jsno']).stderr,
    ].join('\n');
    for (const english of ['display help', 'default:', 'Did you mean', 'Usage:', 'Options:', 'Commands:', 'error:'])
      expect(texts).not.toContain(english);
    expect(texts).toContain('显示某个命令的帮助');
    expect(texts).toContain('（默认 60）');
    expect(texts).toContain('（您要输入的是不是 build？）');
  });
});

describe('bulletin completion', () => {
  it.each(['bash', 'zsh', 'powershell'])('%s: every command and its flags', (shell) => {
    const r = bulletin(['completion', shell]);
    expect(r.code).toBe(0);
    for (const word of [
      'build',
      'validate',
      'compare',
      'init',
      'preview',
      'doctor',
      '--quarter',
      '--csv-headers',
      '--sample',
    ])
      expect(r.stdout).toContain(word);
  });

  it('bash and zsh scripts parse; an unknown shell is a usage error', () => {
    for (const shell of ['bash', 'zsh'].filter((s) => spawnSync(s, ['-c', 'true']).status === 0)) {
      const check = spawnSync(shell, ['-n'], { input: bulletin(['completion', shell]).stdout });
      expect(check.status, check.stderr?.toString()).toBe(0);
    }
    expect(bulletin(['completion', 'fish']).code).toBe(2);
  });
});

describe('validate --csv', () => {
  it('has Chinese headers, English field names with --csv-headers en', () => {
    const zh = bulletin(['validate', 'data/2022Q3', '--csv']).stdout.split('\r\n')[0];
    expect(zh).toBe('\ufeff级别,代码,文件,工作表,行,列,列名,单元格内容,问题,修改建议');
    const en = bulletin(['validate', 'data/2022Q3', '--csv', '--csv-headers', 'en']).stdout.split('\r\n')[0];
    expect(en).toBe('\ufeffseverity,code,file,sheet,row,column,header,value,message,hint');
  });
});

describe('preview on a busy port', () => {
  let blocker: Server;
  let busy: number;
  beforeAll(async () => {
    blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    busy = (blocker.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((done) => blocker.close(() => done())));

  it('with --port given: exit 2 and a Chinese message, no EADDRINUSE, and no temporary folder left', () => {
    const tmp = tempDir('bulletin-own-tmp-');
    const r = bulletin(['preview', '--quarter', '2022Q3', '--port', String(busy)], { env: { TMPDIR: tmp } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`端口 ${busy} 已被其他程序占用`);
    expect(r.stderr).not.toContain('EADDRINUSE');
    expect(readdirSync(tmp).filter((f) => f.startsWith('bulletin-preview-'))).toEqual([]);
  });

  it('removes its temporary folder when stopped with SIGTERM', async () => {
    const tmp = tempDir('bulletin-own-tmp-');
    const child = spawn(process.execPath, [BIN, 'preview', '--quarter', '2022Q1', '--port', '0'], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', TMPDIR: tmp },
    });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    await new Promise<void>((done, fail) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('预览地址') && done());
      void exited.then(() => fail(new Error('preview ended before serving')));
    });
    expect(readdirSync(tmp).filter((f) => f.startsWith('bulletin-preview-'))).toHaveLength(1);
    child.kill('SIGTERM');
    // It handled the signal and ended by itself (an exit code, not death by the signal).
    expect(await exited).not.toBeNull();
    expect(readdirSync(tmp).filter((f) => f.startsWith('bulletin-preview-'))).toEqual([]);
  });

  it('on the default port: takes the next free one and says which was busy', async () => {
    const { startPreview } = await import('../../src/preview/preview-server.js');
    const { DEFAULT_CONFIG } = await import('../../src/config/config.js');
    const { parseQuarter } = await import('../../src/model/quarter.js');
    const preview = await startPreview({
      quarter: parseQuarter('2022Q1'),
      config: DEFAULT_CONFIG,
      cwd: ROOT,
      dataDir: join(ROOT, 'data'),
      host: '127.0.0.1',
      port: busy,
      portFallback: true,
      watchPaths: [],
    });
    try {
      expect(preview.busyPort).toBe(busy);
      expect(Number(new URL(preview.url).port)).toBeGreaterThan(busy);
      expect((await fetch(preview.url)).status).toBe(200);
    } finally {
      await preview.close();
    }
  });
});
