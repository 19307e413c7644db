/**
 * Article content as plain data for editions that are not HTML (the Word
 * edition): paragraphs of styled runs, headings, pictures, list items.
 * Made by markdown.ts from the same Markdown as the HTML, so both editions
 * print the same words.
 */

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** An interview speaker's name, set off as in the PDF (bold sans). */
  speaker?: boolean;
}

export type DocBlock =
  | { kind: 'paragraph'; runs: Run[] }
  | { kind: 'heading'; text: string }
  | { kind: 'item'; marker: string; runs: Run[] }
  /** `url` is the data: URL the pipeline resolved. */
  | { kind: 'picture'; url: string; alt: string; caption: string };
