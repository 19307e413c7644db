/**
 * What the machine does to a run, not the data: a file where a folder must be,
 * a pipe where a file must be, /proc, a configuration that does not parse.
 * Each ends at once with a Chinese message and the contract's exit code,
 * never a hang, an English system message or "内部错误" (exit 70).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigScript } from '../../src/config/script-error.js';
import { bulletin, bulletinProcess, ROOT, tempDir } from '../helpers/cli.js';

const ENGLISH = /ENOTDIR|ENOENT|ENOTFILE|not a directory|no such file|internal|内部错误/;

function project(): string {
  const cwd = tempDir();
  cpSync(join(ROOT, 'data'), join(cwd, 'data'), { recursive: true });
  cpSync(join(ROOT, 'bulletin.config.json'), join(cwd, 'bulletin.config.json'));
  return cwd;
}

describe('init where folders cannot be made', () => {
  it('a file on the way to --data: exit 2, the file named, nothing in English', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'f'), '');
    const r = await bulletin(['init', '2022Q4', '--data', 'f/x'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`无法使用 ${join(cwd, 'f')}：路径中有一段是文件而不是文件夹。`);
    expect(r.stderr).not.toMatch(ENGLISH);
  });

  it.runIf(process.platform === 'linux')('--data /proc ends at once (it never ended)', async () => {
    const r = await bulletin(['init', '2022Q4', '--data', '/proc'], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('无法使用 /proc/2022Q4：');
  });

  it('init --sample --force over a file named data: refused before anything is copied', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'data'), 'mine');
    const r = await bulletin(['init', '--sample', '--force'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('这里的 data 是一个文件，示例要在这里放文件夹；没有写入示例。');
    expect(readdirSync(cwd)).toEqual(['data']);
  });

  // Only a top-level clash was found: one further down stopped the copy half way (exit 70, English).
  it.each([
    ['data/2022Q3/articles', '文件', '文件夹', (p: string) => writeFileSync(p, 'x')],
    ['data/2022Q3/recalls.xlsx', '文件夹', '文件', (p: string) => mkdirSync(p)],
  ])('a clash further down (%s) is refused before anything is copied', async (rel, found, wanted, make) => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'data', '2022Q3'), { recursive: true });
    make(join(cwd, rel));
    const r = await bulletin(['init', '--sample', '--force'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`这里的 ${rel} 是一个${found}，示例要在这里放${wanted}；没有写入示例。`);
    expect(readdirSync(cwd)).toEqual(['data']);
    expect(readdirSync(join(cwd, 'data'))).toEqual(['2022Q3']);
  });
});

describe('a pipe where a file should be is refused, not waited on', () => {
  it('compare with an archived stats.json that is a FIFO: exit 3, input.archive.unreadable', async () => {
    const cwd = project();
    mkdirSync(join(cwd, 'arch', '2020Q4'), { recursive: true });
    execFileSync('mkfifo', [join(cwd, 'arch', '2020Q4', 'stats.json')]);
    const r = await bulletin(['compare', '2020Q4', '2022Q3', '--archive', 'arch', '--json'], { cwd });
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'input.archive.unreadable', exitCode: 3 });
    expect(r.stderr).toContain('无法读取存档 arch/2020Q4/stats.json：这不是普通文件（是管道、设备或套接字）。');
  });

  it('an article or issue.json that is a FIFO is an unreadable file (exit 3), the others still checked', async () => {
    const cwd = project();
    execFileSync('mkfifo', [join(cwd, 'data', '2022Q3', 'articles', '09-pipe.md')]);
    const r = await bulletin(['validate', 'data/2022Q3', '--json'], { cwd });
    expect(r.code).toBe(3);
    const found = JSON.parse(r.stdout).findings.filter((f: { code: string }) => f.code === 'input.file.unreadable');
    expect(found).toMatchObject([{ file: 'data/2022Q3/articles/09-pipe.md', value: 'ENOTFILE' }]);
    const meta = project();
    const issueJson = join(meta, 'data', '2022Q3', 'issue.json');
    execFileSync('sh', ['-c', `rm "${issueJson}" && mkfifo "${issueJson}"`]);
    expect((await bulletin(['stats', '--quarter', '2022Q3'], { cwd: meta })).code).toBe(3);
  });
});

// Spawned: what Node's own module loader says is the point (vitest's loader words its errors differently).
describe('bulletin.config.js that does not load', () => {
  const run = (text: string) => {
    const cwd = project();
    rmSync(join(cwd, 'bulletin.config.json'));
    writeFileSync(join(cwd, 'bulletin.config.js'), text);
    return bulletinProcess(['validate', '--quarter', '2022Q3'], { cwd });
  };

  it('a syntax error says what in Chinese and how to find the line', () => {
    const r = run('export default {\n  province: "湖南",\n  decimals: 2,,\n}\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('有语法错误：有不该出现的“,”（常见原因：多余的逗号或括号）。');
    expect(r.stderr).toContain('node --input-type=module --check <');
    expect(r.stderr).not.toContain('Unexpected token');
  });

  it('an error while it runs names the line', () => {
    const r = run('export default {\n  province: 湖南,\n};\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('运行出错（第 2 行）：使用了没有定义的名称“湖南”（文字需要加引号）。');
  });

  // A setInterval kept the process (and a CI job) waiting for ever; process.stdout.write landed before the JSON.
  it('a timer left running or a direct write to stdout: the run still ends, stdout stays one document', () => {
    const cwd = project();
    rmSync(join(cwd, 'bulletin.config.json'));
    const text =
      'setInterval(() => {}, 1000);\nprocess.stdout.write("loaded\\n");\nexport default { province: "湖南省" };\n';
    writeFileSync(join(cwd, 'bulletin.config.mjs'), text);
    const r = bulletinProcess(['stats', '--quarter', '2022Q3', '--json'], { cwd });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).quarter).toBe('2022Q3');
    expect(r.stderr).toContain('loaded');
  });

  // An await on nothing ended the process with Node's code 13 and no word.
  it('a script that never finishes loading is a config.js error after the time limit', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bulletin.config.mjs'), 'await new Promise(() => {});\nexport default {};\n');
    await expect(loadConfigScript(join(dir, 'bulletin.config.mjs'), 50)).rejects.toMatchObject({
      code: 'config.js',
      message: `配置文件 ${join(dir, 'bulletin.config.mjs')} 运行了 0.05 秒仍没有结束（例如 await 了一个永远不会完成的操作）。`,
    });
  });

  // What a configuration file prints must not land in front of the --json document.
  it('console.log in it goes to stderr: stdout stays one JSON document', () => {
    const cwd = project();
    rmSync(join(cwd, 'bulletin.config.json'));
    writeFileSync(
      join(cwd, 'bulletin.config.js'),
      'console.log("读取配置");\nexport default { province: "湖南省" };\n',
    );
    const r = bulletinProcess(['stats', '--quarter', '2022Q3', '--json'], { cwd });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).schemaVersion).toBeGreaterThan(0);
    expect(r.stderr).toContain('读取配置');
  });
});

// Passed over in silence, it left the defaults (or a parent folder's file) to print another contact block.
describe('a bulletin.config.json that is there but cannot be read is an error, never the defaults', () => {
  it.each([
    ['a folder', (p: string) => mkdirSync(p), '这是一个文件夹'],
    ['a broken link', (p: string) => symlinkSync('/nonexistent/x.json', p), '文件不存在（或是指向不存在的文件的链接）'],
    ['a pipe', (p: string) => execFileSync('mkfifo', [p]), '这不是普通文件（是管道或设备）'],
  ])('%s: exit 2, config.unreadable, saying which', async (_, make, why) => {
    const cwd = project();
    const file = join(cwd, 'bulletin.config.json');
    rmSync(file);
    make(file);
    const r = await bulletin(['stats', '--quarter', '2022Q3', '--json'], { cwd });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error).toMatchObject({
      code: 'config.unreadable',
      message: `配置文件 ${file} 无法读取：${why}。`,
    });
  });
});

// access() passes root everywhere: the whole build ran before /proc refused the outputs.
describe('an output folder that cannot be written is found before anything is read', () => {
  it.runIf(process.platform === 'linux')('--out /proc: output.not-writable, exit 2, at once', async () => {
    const r = await bulletin(['build', '--quarter', '2022Q3', '--format', 'html', '--out', '/proc', '--json']);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout);
    expect(doc.error.code).toBe('output.not-writable');
    expect(doc.error.message).toContain('没有读取数据，也没有生成任何文件');
  });
});

// A FIFO or a folder given as the browser was called 不存在.
describe('a browser asked for that cannot be run says why', () => {
  it('a folder, a pipe, a file without execute permission', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'chrome-dir'));
    execFileSync('mkfifo', [join(dir, 'chrome-fifo')]);
    writeFileSync(join(dir, 'chrome-text'), 'not a program');
    for (const [name, why] of [
      ['chrome-dir', '是一个文件夹，不是浏览器程序'],
      ['chrome-fifo', '不是普通文件（是管道或设备）'],
      ['chrome-text', '不能运行（没有执行权限）'],
    ] as const) {
      const r = await bulletin(['doctor', '--browser', join(dir, name), '--json']);
      expect(JSON.parse(r.stdout).checks[0].detail).toBe(`--browser 指定的 ${join(dir, name)} ${why}`);
    }
  });
});
