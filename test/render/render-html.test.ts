/**
 * The print's renderer renders its first view once: the layout cache's key
 * is the first pass's page with the fonts (print-bulletin.ts), and that is
 * the view the renderer was made from, so its text is kept, and what comes
 * out is what rendering it afresh gives.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { BulletinView } from '../../src/render/view-bulletin.js';
import { tempDir } from '../helpers/cli.js';

const renders = { count: 0 };

/** render-html.ts over a template engine that counts its renders (fresh modules: test files share a worker's). */
async function countingRenderer(): Promise<(typeof import('../../src/render/render-html.js'))['htmlRenderer']> {
  vi.resetModules();
  vi.doMock('../../src/render/template-engine.js', async (original) => {
    const engine = await original<typeof import('../../src/render/template-engine.js')>();
    return {
      ...engine,
      renderTemplate: (...args: Parameters<typeof engine.renderTemplate>) => {
        renders.count++;
        return engine.renderTemplate(...args);
      },
    };
  });
  try {
    return (await import('../../src/render/render-html.js')).htmlRenderer;
  } finally {
    vi.doUnmock('../../src/render/template-engine.js');
  }
}

function templates(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'partials'));
  writeFileSync(join(dir, 'styles.css'), 'body{margin:0}');
  writeFileSync(
    join(dir, 'bulletin.hbs'),
    '<html><head><title>{{title}}</title><style>{{{fontCss}}}</style></head><body><h1>{{bulletin.heading}}</h1><p>{{bulletin.text}}</p></body></html>',
  );
  return dir;
}

const view = (heading: string, text: string) => ({ heading, text }) as unknown as BulletinView;

describe('htmlRenderer', () => {
  it('renders its first view once, and gives for it what a renderer made from another view renders', async () => {
    const htmlRenderer = await countingRenderer();
    const dirs = [templates()];
    renders.count = 0;
    const r = await htmlRenderer(dirs, '召回', view('一、概况', '召回数量最多的是家用日用品。'));
    expect(renders.count, 'the first view, to learn its characters').toBe(1);
    const again = await r.render(view('一、概况', '召回数量最多的是家用日用品。'));
    expect(renders.count, 'an equal view: kept').toBe(1);
    expect(again.replaceAll('\u2060', '')).toContain('<h1>一、概况</h1>'); // the text passes join headline words
    expect(again).toMatch(/<style>@font-face\{/);
    const other = await r.render(view('二、数量', '召回数量最多的是家用日用品。'));
    expect(renders.count).toBe(2);
    expect(other.replaceAll('\u2060', '')).toContain('<h1>二、数量</h1>');
    const fresh = await htmlRenderer(dirs, '召回', view('二、数量', '召回数量最多的是家用日用品。'));
    expect(await fresh.render(view('一、概况', '召回数量最多的是家用日用品。'))).toBe(again);
  });
});
