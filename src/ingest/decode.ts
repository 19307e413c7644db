/**
 * Text decoding for CSV files. Excel on Chinese Windows writes GBK/GB18030
 * with no BOM, so after BOMs and strict UTF-8 we fall back to GB18030 (a
 * superset of GBK). The name of the encoding used is reported to the user.
 */
import iconv from 'iconv-lite';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Decoded {
  text: string;
  encoding: Encoding;
}

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: 'gb18030' };
  }
}

/** Bytes in GB18030, for tests and tools that must write what Excel writes. */
export function encodeGb18030(text: string): Buffer {
  return iconv.encode(text, 'gb18030');
}

export function describeEncoding(e: Encoding): string {
  switch (e) {
    case 'utf-8':
      return 'UTF-8';
    case 'utf-8-bom':
      return 'UTF-8（带 BOM）';
    case 'utf-16le':
    case 'utf-16be':
      return 'UTF-16';
    case 'gb18030':
      return 'GBK/GB18030';
  }
}
