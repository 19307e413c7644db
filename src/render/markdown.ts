/**
 * The only module that knows marked. Article Markdown → HTML for print:
 * raw HTML in the source is shown as text, links print as their text, no
 * autolinks (a bare URL would swallow the Chinese text after it), images
 * only from the data: URLs the pipeline resolved, interview speakers in bold.
 */
import { Marked, type Token, type Tokens } from 'marked';
import type { DocBlock, Run } from './doc-blocks.js';

const escape = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

export interface MarkdownOptions {
  /** Image reference as written → data: URL. Unknown references are dropped. */
  images: Record<string, string>;
  speakers: readonly string[];
}

function speakerParagraph(html: string, speakers: readonly string[]): string {
  for (const s of speakers) {
    const prefix = `${escape(s)}：`;
    if (html.startsWith(prefix))
      return `<p class="turn"><strong class="speaker">${prefix}</strong>${html.slice(prefix.length)}</p>\n`;
  }
  return `<p>${html}</p>\n`;
}

export function markdownToHtml(source: string, opts: MarkdownOptions): string {
  const marked = new Marked({ gfm: true, breaks: false, async: false });
  marked.use({
    tokenizer: {
      url() {
        return undefined;
      },
    },
    renderer: {
      html(token: Tokens.HTML | Tokens.Tag): string {
        return escape(token.text);
      },
      link(token: Tokens.Link): string {
        return this.parser.parseInline(token.tokens);
      },
      heading(token: Tokens.Heading): string {
        return `<h5 class="article-heading">${this.parser.parseInline(token.tokens)}</h5>\n`;
      },
      image(token: Tokens.Image): string {
        const url = opts.images[token.href];
        if (!url) return '';
        const caption = token.title || token.text;
        return `<figure class="photo"><img src="${escape(url)}" alt="${escape(token.text)}">${caption ? `<figcaption>${escape(caption)}</figcaption>` : ''}</figure>`;
      },
      paragraph(token: Tokens.Paragraph): string {
        const inner = this.parser.parseInline(token.tokens);
        if (inner.startsWith('<figure') && inner.endsWith('</figure>')) return `${inner}\n`;
        return speakerParagraph(inner, opts.speakers);
      },
    },
  });
  return marked.parse(source) as string;
}

type Inline = Tokens.Generic & { tokens?: Tokens.Generic[] };

/** Inline tokens → runs, keeping bold and italic; links as their text, raw HTML as text. */
function runsOf(tokens: readonly Inline[] | undefined, style: Omit<Run, 'text'> = {}): Run[] {
  return (tokens ?? []).flatMap((t): Run[] => {
    if (t.type === 'strong') return runsOf(t.tokens, { ...style, bold: true });
    if (t.type === 'em') return runsOf(t.tokens, { ...style, italic: true });
    if (t.type === 'link' || t.type === 'del') return runsOf(t.tokens, style);
    if (t.type === 'image') return [];
    if (t.type === 'br') return [{ ...style, text: '\n' }];
    if (t.tokens && t.type !== 'codespan') return runsOf(t.tokens, style);
    return [{ ...style, text: (t.type === 'html' ? t.raw : (t.text as string | undefined)) ?? t.raw }];
  });
}

function withSpeaker(runs: Run[], speakers: readonly string[]): Run[] {
  const first = runs[0];
  const who = first && speakers.find((s) => first.text.startsWith(`${s}：`));
  if (!first || !who) return runs;
  const cut = who.length + 1;
  const rest = first.text.slice(cut);
  return [
    { text: first.text.slice(0, cut), bold: true, speaker: true },
    ...(rest ? [{ ...first, text: rest }] : []),
    ...runs.slice(1),
  ];
}

/** Markdown → blocks for the Word edition; the same choices as markdownToHtml above. */
export function markdownToBlocks(source: string, opts: MarkdownOptions): DocBlock[] {
  const marked = new Marked({ gfm: true, breaks: false, async: false });
  marked.use({ tokenizer: { url: () => undefined } });
  const walk = (tokens: readonly Token[]): DocBlock[] =>
    tokens.flatMap((t): DocBlock[] => {
      if (t.type === 'heading')
        return [
          {
            kind: 'heading',
            text: runsOf(t.tokens)
              .map((r) => r.text)
              .join(''),
          },
        ];
      if (t.type === 'list') {
        const l = t as Tokens.List;
        return l.items.map((item, i) => ({
          kind: 'item' as const,
          marker: l.ordered ? `${Number(l.start || 1) + i}.` : '•',
          runs: runsOf(item.tokens.flatMap((c) => (c.type === 'text' || c.type === 'paragraph' ? [c] : []))),
        }));
      }
      if (t.type === 'blockquote') return walk((t as Tokens.Blockquote).tokens);
      if (t.type === 'code') return [{ kind: 'paragraph', runs: [{ text: t.text as string }] }];
      if (t.type === 'html') return [{ kind: 'paragraph', runs: [{ text: t.raw.trim() }] }];
      if (t.type !== 'paragraph' && t.type !== 'text') return [];
      const pictures = (t.tokens ?? [])
        .filter((c): c is Tokens.Image => c.type === 'image' && Boolean(opts.images[c.href]))
        .map((c) => ({
          kind: 'picture' as const,
          url: opts.images[c.href] as string,
          alt: c.text,
          caption: c.title || c.text,
        }));
      const runs = withSpeaker(runsOf(t.tokens), opts.speakers);
      const text = runs.map((r) => r.text).join('');
      return [...(text.trim() ? [{ kind: 'paragraph' as const, runs }] : []), ...pictures];
    });
  return walk(marked.lexer(source));
}
