/**
 * The only module that knows marked. Article Markdown → HTML for print:
 * raw HTML in the source is shown as text, links print as their text, no
 * autolinks (a bare URL would swallow the Chinese text after it), images
 * only from the data: URLs the pipeline resolved, interview speakers in bold.
 */
import { Marked, type Tokens } from 'marked';

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
