/** The only module that knows the YAML parser: Markdown front matter. */
import { parseDocument, type YAMLError } from 'yaml';

export type FrontMatter =
  | { ok: true; data: unknown; body: string }
  | {
      ok: false;
      reason: 'missing' | 'unterminated' | 'yaml';
      /** In Chinese, for the message. */
      detail: string;
      line: number | null;
      /** The parser's own English words, kept only as a detail for whoever debugs. */
      original?: string;
    };

const ALIAS = '含有以 & 或 * 开头的引用，本工具不支持（内容本身以 & 或 * 开头时请用引号括起来）';
const LAYOUT = '格式不对：每行应为“名称: 内容”，内容中有冒号、# 等符号时请用引号括起来';

/** The parser's error codes (yaml 2), in words an editor can act on. */
const REASONS: Record<string, string> = {
  DUPLICATE_KEY: '同一个名称写了两次',
  MISSING_CHAR: '缺少配对的引号或括号',
  BAD_DQ_ESCAPE: '双引号中的反斜杠 \\ 用法不对（请改用单引号）',
  TAB_AS_INDENT: '用了制表符（Tab）缩进，请改用空格',
  BAD_INDENT: '缩进没有对齐',
  MULTIPLE_DOCS: '信息块中间不能再有 ---',
  TAG_RESOLVE_FAILED: '含有以 ! 开头的标记，本工具不支持',
  MULTIPLE_TAGS: '含有以 ! 开头的标记，本工具不支持',
  BAD_ALIAS: ALIAS,
  ALIAS_PROPS: ALIAS,
  MULTIPLE_ANCHORS: ALIAS,
  KEY_OVER_1024_CHARS: '名称太长',
};

function failure(e: YAMLError | Error): FrontMatter {
  const code = (e as YAMLError).code as string | undefined;
  const pos = (e as YAMLError).linePos?.[0]?.line;
  // Aliases are refused outright (no expansion bombs); the parser says so with a bare ReferenceError.
  const detail = (code && REASONS[code]) ?? (e instanceof ReferenceError ? ALIAS : LAYOUT);
  const original = (e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  return { ok: false, reason: 'yaml', detail, line: pos ? pos + 1 : null, original };
}

/** Splits "---\nyaml\n---\nbody"; the YAML is parsed with no custom tags and no aliases expansion bombs. */
export function splitFrontMatter(text: string): FrontMatter {
  const src = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  if (!src.startsWith('---\n')) return { ok: false, reason: 'missing', detail: '文件不是以 --- 开头', line: 1 };
  const end = src.indexOf('\n---', 3);
  if (end < 0) return { ok: false, reason: 'unterminated', detail: '找不到结束的 ---', line: null };
  const yamlText = src.slice(4, end + 1);
  const afterFence = src.indexOf('\n', end + 4);
  const body = afterFence < 0 ? '' : src.slice(afterFence + 1);
  // logLevel silent: the parser would otherwise print its English warnings on stderr; they are findings here.
  const doc = parseDocument(yamlText, { uniqueKeys: true, logLevel: 'silent' });
  const first = doc.errors[0] ?? doc.warnings[0];
  if (first) return failure(first);
  try {
    return { ok: true, data: doc.toJS({ maxAliasCount: 0 }) ?? {}, body };
  } catch (e) {
    return failure(e as Error);
  }
}
