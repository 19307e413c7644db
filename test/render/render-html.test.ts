/**
 * The print's renderer renders its first view once: the layout cache's key
 * is the first pass's page with the fonts (print-bulletin.ts), and that is
 * the view the renderer was made from, so its text is kept, and what comes
 * out is what rendering it afresh gives.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlRenderer } from '../../src/render/render-html.js';
import type { BulletinView } from '../../src/render/view-bulletin.js';
import { tempDir } from '../helpers/cli.js';

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

const plain = (heading: string) => ({ heading, text: '召回数量最多的是家用日用品。' }) as unknown as BulletinView;
const withoutJoiners = (html: string) => html.replaceAll('\u2060', ''); // the text passes join headline words

describe('htmlRenderer', () => {
  it('renders its first view once, and gives for it what a renderer made from another view renders', async () => {
    const dirs = [templates()];
    const r = await htmlRenderer(dirs, '召回', plain('一、概况'));
    // Equal to the first view as data, but a template rendering it would print another heading:
    // what comes out shows whether it was rendered again.
    const equal = { ...plain('（若再次渲染）'), toJSON: () => plain('一、概况') } as unknown as BulletinView;
    const again = await r.render(equal);
    expect(withoutJoiners(again)).toContain('<h1>一、概况</h1>');
    expect(again).toMatch(/<style>@font-face\{/);
    expect(withoutJoiners(await r.render(plain('二、数量')))).toContain('<h1>二、数量</h1>');
    const fresh = await htmlRenderer(dirs, '召回', plain('二、数量'));
    expect(await fresh.render(plain('一、概况'))).toBe(again);
  });
});
