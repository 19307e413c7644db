import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bulletin, ROOT, tempDir } from '../helpers/cli.js';

/** The sample quarter with a PNG cut short (its first 100 bytes) shown in its first article. */
function quarterWithCutPicture(): string {
  const data = tempDir();
  const dir = join(data, '2022Q3');
  cpSync(join(ROOT, 'data', '2022Q3'), dir, { recursive: true });
  const png = readFileSync(join(ROOT, 'fixtures', 'images', 'whole.png'));
  writeFileSync(join(dir, 'articles', 'images', 'photo.png'), png.subarray(0, 100));
  const article = join(dir, 'articles', '01-director-inspection.md');
  writeFileSync(article, `${readFileSync(article, 'utf8')}\n![现场照片](images/photo.png)\n`);
  return data;
}

describe('a damaged article picture', () => {
  it('stops the web edition as it stops the Word edition, naming the file and line, and writes nothing', async () => {
    const data = quarterWithCutPicture();
    const out = tempDir();
    const r = await bulletin([
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
    expect(r.code).toBe(1);
    const found = (JSON.parse(r.stdout) as { issues: Array<Record<string, unknown>> }).issues.filter(
      (i) => i.code === 'article.image.damaged',
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', value: 'images/photo.png' });
    expect(String(found[0]?.file)).toMatch(/01-director-inspection\.md$/);
    expect(found[0]?.message).toBe('图片“images/photo.png”已损坏：文件不完整（可能复制或下载时中断）。');
    expect(readdirSync(out)).toEqual([]);
  });

  it('is told by validate, which data staff run first', async () => {
    const r = await bulletin(['validate', join(quarterWithCutPicture(), '2022Q3')]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('图片“images/photo.png”已损坏');
  });
});
