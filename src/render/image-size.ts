/**
 * Pixel size and type of an article picture, read from its first bytes (PNG,
 * JPEG, GIF, WebP, SVG), so the Word edition sizes it as the PDF does (CSS
 * pixels at 96 per inch, at most 70 % of the text width and 70 mm high).
 */

export interface Picture {
  type: 'png' | 'jpg' | 'gif' | 'webp' | 'svg';
  bytes: Buffer;
  width: number;
  height: number;
}

function jpegSize(b: Buffer): [number, number] | null {
  let at = 2;
  while (at + 9 < b.length && b[at] === 0xff) {
    const marker = b[at + 1] as number;
    // Start-of-frame markers (not DHT c4, JPG c8, DAC cc) carry the size.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker))
      return [b.readUInt16BE(at + 7), b.readUInt16BE(at + 5)];
    at += 2 + b.readUInt16BE(at + 2);
  }
  return null;
}

function webpSize(b: Buffer): [number, number] | null {
  const kind = b.toString('latin1', 12, 16);
  if (kind === 'VP8X') return [b.readUIntLE(24, 3) + 1, b.readUIntLE(27, 3) + 1];
  if (kind === 'VP8L') {
    const bits = b.readUInt32LE(21);
    return [(bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1];
  }
  if (kind === 'VP8 ') return [b.readUInt16LE(26) & 0x3fff, b.readUInt16LE(28) & 0x3fff];
  return null;
}

function svgSize(text: string): [number, number] | null {
  const tag = /<svg\b[^>]*>/i.exec(text)?.[0] ?? '';
  const attr = (name: string) => Number(new RegExp(`\\s${name}="([\\d.]+)(px)?"`).exec(tag)?.[1] ?? NaN);
  const [w, h] = [attr('width'), attr('height')];
  if (w > 0 && h > 0) return [w, h];
  const box = /viewBox="[\d.\s-]*?([\d.]+)\s+([\d.]+)"/.exec(tag);
  return box ? [Number(box[1]), Number(box[2])] : null;
}

/** `url` is a data: URL as the pipeline made it; null when the type or size cannot be read. */
export function readPicture(url: string): Picture | null {
  const m = /^data:image\/(png|jpeg|gif|webp|svg\+xml);base64,(.*)$/s.exec(url);
  if (!m) return null;
  const bytes = Buffer.from(m[2] as string, 'base64');
  const mime = m[1] as string;
  const size =
    mime === 'png'
      ? bytes.length > 24
        ? ([bytes.readUInt32BE(16), bytes.readUInt32BE(20)] as [number, number])
        : null
      : mime === 'gif'
        ? bytes.length > 10
          ? ([bytes.readUInt16LE(6), bytes.readUInt16LE(8)] as [number, number])
          : null
        : mime === 'jpeg'
          ? jpegSize(bytes)
          : mime === 'webp'
            ? webpSize(bytes)
            : svgSize(bytes.toString('utf8'));
  if (!size || !(size[0] > 0 && size[1] > 0)) return null;
  const type = mime === 'jpeg' ? 'jpg' : mime === 'svg+xml' ? 'svg' : (mime as Picture['type']);
  return { type, bytes, width: size[0], height: size[1] };
}
