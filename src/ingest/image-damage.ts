/**
 * Whether an image file is whole, from its structure, without decoding it:
 * a file cut short by a failed copy, or damaged on a USB stick, keeps its
 * first bytes (so sniffImage still names its format) and would print as a
 * broken picture in the web edition and the PDF, and stop the Word edition.
 * Checked: PNG chunk by chunk (lengths and CRCs, the image header, an IDAT,
 * the IEND chunk); JPEG's frame size and end marker; GIF's size and trailer;
 * WebP's RIFF length; SVG's closing tag.
 */
import type { ImageKind } from './image-type.js';

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 as PNG computes it (zlib.crc32 exists only from Node 20.15). */
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
const CUT = '文件不完整（可能复制或下载时中断）';

function pngDamage(b: Uint8Array): string | null {
  const d = view(b);
  let at = 8;
  let seenData = false;
  for (let n = 1; ; n++) {
    if (at + 12 > b.length) return CUT;
    const length = d.getUint32(at);
    const type = String.fromCharCode(...b.subarray(at + 4, at + 8));
    if (length > b.length - at - 12) return CUT;
    if (crc32(b.subarray(at + 4, at + 8 + length)) !== d.getUint32(at + 8 + length))
      return `第 ${n} 个数据块（${type.replace(/[^\x20-\x7e]/g, '?')}）的校验和不符，内容已损坏`;
    if (n === 1 && (type !== 'IHDR' || length !== 13 || d.getUint32(at + 8) === 0 || d.getUint32(at + 12) === 0))
      return '缺少有效的图像头（IHDR）';
    if (type === 'IDAT') seenData = true;
    if (type === 'IEND') return seenData ? null : '没有图像数据（IDAT）';
    at += 12 + length;
  }
}

function jpegDamage(b: Uint8Array): string | null {
  const d = view(b);
  let at = 2;
  let sized = false;
  // The segments before the scan: a start-of-frame marker (not DHT c4, JPG c8, DAC cc) carries the size.
  while (at + 4 <= b.length && b[at] === 0xff) {
    const marker = b[at + 1] as number;
    if (marker === 0xda) break;
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker) && at + 9 <= b.length)
      sized = d.getUint16(at + 5) > 0 && d.getUint16(at + 7) > 0;
    at += 2 + d.getUint16(at + 2);
  }
  if (at + 4 > b.length) return CUT;
  if (b[at] !== 0xff || b[at + 1] !== 0xda) return '文件结构已损坏';
  if (!sized) return '缺少有效的图像尺寸';
  // Cameras may add bytes after the end marker; a file cut short has none.
  for (let i = b.length - 2; i > at; i--) if (b[i] === 0xff && b[i + 1] === 0xd9) return null;
  return CUT;
}

function gifDamage(b: Uint8Array): string | null {
  if (b.length < 14) return CUT;
  const d = view(b);
  if (d.getUint16(6, true) === 0 || d.getUint16(8, true) === 0) return '缺少有效的图像尺寸';
  return b[b.length - 1] === 0x3b ? null : CUT;
}

function webpDamage(b: Uint8Array): string | null {
  if (b.length < 20) return CUT;
  const kind = String.fromCharCode(...b.subarray(12, 16));
  if (!['VP8 ', 'VP8L', 'VP8X'].includes(kind)) return '文件结构已损坏';
  return view(b).getUint32(4, true) + 8 > b.length ? CUT : null;
}

/** The root element closed: by its end tag, or as an empty element (<svg …/>). */
function svgDamage(b: Uint8Array): string | null {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(b);
  const root = /<svg\b[^>]*>/i.exec(text)?.[0] ?? '';
  return root.endsWith('/>') || /<\/svg\s*>/i.test(text) ? null : CUT;
}

/** Why these bytes of an image of `kind` (as sniffImage named it) are no whole picture, or null. */
export function imageDamage(bytes: Uint8Array, kind: ImageKind): string | null {
  switch (kind) {
    case 'png':
      return pngDamage(bytes);
    case 'jpeg':
      return jpegDamage(bytes);
    case 'gif':
      return gifDamage(bytes);
    case 'webp':
      return webpDamage(bytes);
    case 'svg':
      return svgDamage(bytes);
  }
}
