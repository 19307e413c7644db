/**
 * What a draft (`bulletin build --draft`, and `bulletin preview`) may print
 * despite errors. A draft exists to show an unfinished issue to colleagues,
 * stamped 草稿 on every page with the list of what is still wrong, so it
 * passes findings about content (unfinished, invalid or disagreeing
 * values, rows, articles, issue.json): the rows and cells they concern are
 * left out of the figures, as a final build would never do. It does not
 * pass findings about the files themselves: a file that cannot be read or
 * whose kind or columns cannot be recognised (input.*, structure.header.*,
 * structure.column.*) means there is nothing to show of it, and an
 * unreadable file still exits 3. Anything not listed here stops a draft
 * too, so a new kind of error is safe until someone decides otherwise.
 */
import type { ValidationIssue } from './issues.js';

export type DraftMode =
  /** Errors stop the build (`bulletin build`). */
  | 'never'
  /** Always a draft, stamped, even when nothing is left to fix (`bulletin build --draft`). */
  | 'always'
  /** A draft only when there are errors a draft may pass (`bulletin preview`). */
  | 'when-unfinished';

const DRAFTABLE = [
  'content.',
  'value.',
  'table.',
  'total.',
  'reconcile.',
  // Figures that contradict each other: the draft shows them stamped 草稿, the finding listed.
  'contradiction.',
  'national.',
  'meta.',
  'article.',
  'row.',
  'structure.rows.',
  'structure.row.',
  'structure.total.',
];

export function draftMayPass(issue: ValidationIssue): boolean {
  return issue.severity === 'warning' || DRAFTABLE.some((p) => issue.code.startsWith(p));
}

/** The errors a final build stops on, and whether a draft of `mode` is made despite them. */
export function draftDecision(
  issues: readonly ValidationIssue[],
  mode: DraftMode,
): { errors: ValidationIssue[]; build: boolean; draft: boolean } {
  const errors = issues.filter((i) => i.severity === 'error');
  const draft = mode === 'always' || (mode === 'when-unfinished' && errors.length > 0);
  return { errors, draft, build: errors.length === 0 || (draft && errors.every(draftMayPass)) };
}
