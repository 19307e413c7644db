import { appendFileSync, cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uncoveredCharacters } from '../../src/render/glyph-check.js';
import { bulletin, ROOT, tempDir } from '../helpers/cli.js';

describe('characters the print fonts lack', () => {
  it('are those no bundled face covers, in code point order', async () => {
    expect(await uncoveredCharacters('召回 2022年 ①★ä€ 䶮 😀 𠀀')).toEqual(['䶮', '😀', '𠀀']);
    expect(await uncoveredCharacters('湖南缺陷产品召回')).toEqual([]);
  });

  it('are told by a build without a PDF (the web edition, the preview), as a PDF build tells them', async () => {
    const dir = tempDir();
    cpSync(join(ROOT, 'data'), join(dir, 'data'), { recursive: true });
    cpSync(join(ROOT, 'bulletin.config.json'), join(dir, 'bulletin.config.json'));
    appendFileSync(join(dir, 'data', '2022Q3', 'articles', '01-director-inspection.md'), '\n\n笑脸😀与䶮。\n');
    const out = join(dir, 'out');
    const r = await bulletin(['build', '--quarter', '2022Q3', '--format', 'html', '--out', out, '--json'], {
      cwd: dir,
    });
    expect(r.code, r.stderr).toBe(0);
    const found = (JSON.parse(r.stdout) as { issues: Array<{ code: string; severity: string; value?: string }> })
      .issues;
    expect(found.filter((i) => i.code === 'render.glyph.missing')).toMatchObject([
      { severity: 'warning', value: '䶮😀' },
    ]);
    expect(readFileSync(join(out, '2022Q3', 'bulletin.html'), 'utf8')).toContain('笑脸😀与䶮');
  });
});
