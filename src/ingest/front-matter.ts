/** The only module that knows the YAML parser: Markdown front matter. */
import { parse } from 'yaml';

export type FrontMatter =
  | { ok: true; data: unknown; body: string }
  | { ok: false; reason: 'missing' | 'unterminated' | 'yaml'; detail: string; line: number | null };

/** Splits "---\nyaml\n---\nbody"; the YAML is parsed with no custom tags and no aliases expansion bombs. */
export function splitFrontMatter(text: string): FrontMatter {
  const src = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  if (!src.startsWith('---\n')) return { ok: false, reason: 'missing', detail: '文件不是以 --- 开头', line: 1 };
  const end = src.indexOf('\n---', 3);
  if (end < 0) return { ok: false, reason: 'unterminated', detail: '找不到结束的 ---', line: null };
  const yamlText = src.slice(4, end + 1);
  const afterFence = src.indexOf('\n', end + 4);
  const body = afterFence < 0 ? '' : src.slice(afterFence + 1);
  try {
    return { ok: true, data: parse(yamlText, { maxAliasCount: 0, uniqueKeys: true }) ?? {}, body };
  } catch (e) {
    const pos = (e as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
    return { ok: false, reason: 'yaml', detail: (e as Error).message.split('\n')[0] ?? '', line: pos ? pos + 1 : null };
  }
}
