import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { imageDamage } from '../../src/ingest/image-damage.js';
import type { ImageKind } from '../../src/ingest/image-type.js';
import { ROOT } from '../helpers/cli.js';

const CUT = '文件不完整（可能复制或下载时中断）';
const whole = (ext: string) => readFileSync(join(ROOT, 'fixtures', 'images', `whole.${ext}`));
const FORMATS: Array<[ImageKind, string]> = [
  ['png', 'png'],
  ['jpeg', 'jpg'],
  ['gif', 'gif'],
  ['webp', 'webp'],
];

describe('imageDamage', () => {
  it.each(FORMATS)('passes a whole %s picture', (kind, ext) => {
    expect(imageDamage(whole(ext), kind)).toBeNull();
  });

  it.each(FORMATS)('finds a %s picture cut short, at any length past its first bytes', (kind, ext) => {
    const bytes = whole(ext);
    for (let length = 8; length < bytes.length; length++)
      expect(imageDamage(bytes.subarray(0, length), kind), `${length} of ${bytes.length} bytes`).toBe(CUT);
  });

  it('finds any changed byte of a PNG past its signature (each chunk has a CRC)', () => {
    const bytes = whole('png');
    for (let at = 8; at < bytes.length; at++) {
      const changed = Buffer.from(bytes);
      changed[at] = (changed[at] as number) ^ 0x20;
      expect(imageDamage(changed, 'png'), `byte ${at}`).not.toBeNull();
    }
  });

  it('says which PNG chunk is damaged, and refuses a PNG without image data or size', () => {
    const bytes = Buffer.from(whole('png'));
    const idat = bytes.indexOf('IDAT');
    bytes[idat + 6] = (bytes[idat + 6] as number) ^ 0xff;
    expect(imageDamage(bytes, 'png')).toBe('第 2 个数据块（IDAT）的校验和不符，内容已损坏');
    const png = whole('png');
    const iend = png.indexOf('IEND') - 4;
    const header = png.subarray(0, 33);
    expect(imageDamage(Buffer.concat([header, png.subarray(iend)]), 'png')).toBe('没有图像数据（IDAT）');
  });

  it('passes an SVG closed by its end tag or as an empty element, not one cut short', () => {
    const svg =
      '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="4" height="3"><rect width="4" height="3"/></svg>\n';
    expect(imageDamage(Buffer.from(svg), 'svg')).toBeNull();
    expect(imageDamage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'svg')).toBeNull();
    expect(imageDamage(Buffer.from(svg.slice(0, svg.indexOf('</svg>'))), 'svg')).toBe(CUT);
  });
});
