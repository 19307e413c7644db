import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPicture } from '../../src/render/image-size.js';
import { markdownToBlocks } from '../../src/render/markdown.js';
import { woffToSfnt } from '../../src/render/woff.js';

const require = createRequire(import.meta.url);

describe('markdownToBlocks: the Word edition reads articles as the HTML edition does', () => {
  const images = { 'images/a.png': 'data:image/png;base64,AAAA' };

  it('sets interview speakers off in bold, and only at the start of a paragraph', () => {
    const blocks = markdownToBlocks('王芳斌：你好，**各位**。\n\n他说王芳斌：不是发言人。', {
      images,
      speakers: ['王芳斌'],
    });
    expect(blocks).toEqual([
      {
        kind: 'paragraph',
        runs: [
          { text: '王芳斌：', bold: true, speaker: true },
          { text: '你好，' },
          { text: '各位', bold: true },
          { text: '。' },
        ],
      },
      { kind: 'paragraph', runs: [{ text: '他说王芳斌：不是发言人。' }] },
    ]);
  });

  it('keeps headings, list items, link text and raw HTML as text; pictures only from resolved images', () => {
    const md =
      '## 小标题\n\n- 第一\n- 第二\n\n见[网站](https://example.org)。<b>x</b>\n\n![图](images/a.png "说明")![丢](images/none.png)';
    expect(markdownToBlocks(md, { images, speakers: [] })).toEqual([
      { kind: 'heading', text: '小标题' },
      { kind: 'item', marker: '•', runs: [{ text: '第一' }] },
      { kind: 'item', marker: '•', runs: [{ text: '第二' }] },
      {
        kind: 'paragraph',
        runs: [{ text: '见' }, { text: '网站' }, { text: '。' }, { text: '<b>' }, { text: 'x' }, { text: '</b>' }],
      },
      { kind: 'picture', url: 'data:image/png;base64,AAAA', alt: '图', caption: '说明' },
    ]);
  });
});

describe('woffToSfnt', () => {
  it('gives back the OpenType tables the WOFF file holds, each as long as its directory says', () => {
    const woff = readFileSync(require.resolve('@fontsource/noto-serif-sc/files/noto-serif-sc-latin-400-normal.woff'));
    const sfnt = woffToSfnt(woff);
    const n = woff.readUInt16BE(12);
    expect(sfnt.readUInt32BE(0)).toBe(woff.readUInt32BE(4));
    expect(sfnt.readUInt16BE(4)).toBe(n);
    for (let i = 0; i < n; i++) {
      const w = 44 + i * 20;
      const s = 12 + i * 16;
      expect(sfnt.readUInt32BE(s)).toBe(woff.readUInt32BE(w));
      const [offset, comp, orig] = [woff.readUInt32BE(w + 4), woff.readUInt32BE(w + 8), woff.readUInt32BE(w + 12)];
      const raw = woff.subarray(offset, offset + comp);
      const table = sfnt.subarray(sfnt.readUInt32BE(s + 8), sfnt.readUInt32BE(s + 8) + sfnt.readUInt32BE(s + 12));
      expect(table.equals(comp < orig ? inflateSync(raw) : raw)).toBe(true);
      expect(sfnt.readUInt32BE(s + 8) % 4).toBe(0);
    }
  });

  it('refuses what is not WOFF 1.0', () => {
    expect(() => woffToSfnt(Buffer.from('wOF2 and more bytes than forty-four, surely enough'))).toThrow(/WOFF/);
  });
});

describe('readPicture: the size of every picture type an article may hold', () => {
  const url = (mime: string, b: Buffer) => `data:image/${mime};base64,${b.toString('base64')}`;

  it('reads PNG, GIF, JPEG, WebP and SVG sizes for any dimensions', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 16000 }), fc.integer({ min: 1, max: 16000 }), (w, h) => {
        const png = Buffer.alloc(33);
        png.writeUInt32BE(0x89504e47, 0);
        png.writeUInt32BE(w, 16);
        png.writeUInt32BE(h, 20);
        const gif = Buffer.from('GIF89a\0\0\0\0\0\0', 'latin1');
        gif.writeUInt16LE(w % 65536, 6);
        gif.writeUInt16LE(h % 65536, 8);
        const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 17, 8, 0, 0, 0, 0, 3]);
        jpeg.writeUInt16BE(h, 13);
        jpeg.writeUInt16BE(w, 15);
        const webp = Buffer.alloc(30);
        webp.write('RIFF', 0, 'latin1');
        webp.write('WEBPVP8X', 8, 'latin1');
        webp.writeUIntLE(w - 1, 24, 3);
        webp.writeUIntLE(h - 1, 27, 3);
        const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"></svg>`);
        for (const [mime, b, type] of [
          ['png', png, 'png'],
          ['gif', gif, 'gif'],
          ['jpeg', jpeg, 'jpg'],
          ['webp', webp, 'webp'],
          ['svg+xml', svg, 'svg'],
        ] as const)
          expect(readPicture(url(mime, b)), mime).toMatchObject({ type, width: w, height: h });
      }),
    );
  });

  it('takes an SVG size from its viewBox, and gives null for what it cannot read', () => {
    const svg = Buffer.from('<svg viewBox="0 0 640 360"></svg>');
    expect(readPicture(url('svg+xml', svg))).toMatchObject({ width: 640, height: 360 });
    expect(readPicture(url('png', Buffer.alloc(4)))).toBeNull();
    expect(readPicture('data:text/plain;base64,AAAA')).toBeNull();
  });
});
