/**
 * What an image file really is, from its first bytes: a text file renamed
 * .png would otherwise be inlined and print as a broken picture.
 */

export type ImageKind = 'png' | 'jpeg' | 'gif' | 'webp' | 'svg';

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0): boolean =>
  sig.every((b, i) => bytes[at + i] === b);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

function isSvg(bytes: Uint8Array): boolean {
  if (bytes.subarray(0, 4096).includes(0)) return false;
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 4096))
    .replace(/^\ufeff/, '')
    .trimStart();
  // An XML declaration, comments or a doctype may come before the <svg> element.
  return head.startsWith('<') && /<svg[\s>/]/i.test(head);
}

/** The format the bytes are in, or null when they are no image of a supported format. */
export function sniffImage(bytes: Uint8Array): ImageKind | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  return isSvg(bytes) ? 'svg' : null;
}

/** Whether the bytes look like text (no NUL, valid UTF-8): "a text file", said plainly. */
export function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  if (head.includes(0)) return false;
  try {
    // stream: a character cut at the 4096th byte is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}
