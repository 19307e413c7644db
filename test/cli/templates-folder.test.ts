import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bulletin, tempDir } from '../helpers/cli.js';

describe('a templates folder that does not exist is an error, not the defaults in silence', () => {
  it('build --templates with a missing folder: exit 2, the folder named, nothing written', async () => {
    const out = tempDir();
    const missing = join(tempDir(), 'my-templates');
    const r = await bulletin(['build', '-q', '2022Q3', '--format', 'html', '--out', out, '--templates', missing]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`错误：模板目录 ${missing} 不存在。`);
    expect(r.stderr).toContain('→ 请检查 --templates 或配置文件中 templates 的路径');
    expect(r.stderr).not.toContain('已生成');
  });

  it('templates in the configuration pointing at a file: exit 2', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'tpl'), 'not a folder');
    writeFileSync(join(dir, 'bulletin.config.json'), JSON.stringify({ templates: 'tpl' }));
    const r = await bulletin([
      'build',
      '-q',
      '2022Q3',
      '--format',
      'html',
      '--out',
      tempDir(),
      '--config',
      join(dir, 'bulletin.config.json'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`错误：无法读取模板目录 ${join(dir, 'tpl')}（它不是文件夹）。`);
  });

  // It showed ✓ and "可以生成公报"; the build then failed with Handlebars' English.
  it('doctor shows ✗ for a template that does not parse, with its line, and exits 2', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bulletin.hbs'), '<p>\n{{#if x}} unclosed');
    const r = await bulletin(['doctor', '--templates', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`✗ 模板：模板有误：${join(dir, 'bulletin.hbs')} 第 2 行：模板在结束前缺少结束标记`);
  });

  it('doctor shows ✗ for it and exits 2', async () => {
    const missing = join(tempDir(), 'nowhere');
    const r = await bulletin(['doctor', '--templates', missing]);
    expect(r.stderr).toContain(`✗ 模板：模板目录 ${missing} 不存在。`);
    expect(r.code).toBe(2);
    const json = JSON.parse((await bulletin(['doctor', '--templates', missing, '--json'])).stdout);
    expect(json.checks.find((c: { name: string }) => c.name === '模板')).toMatchObject({ ok: false });
  });
});
