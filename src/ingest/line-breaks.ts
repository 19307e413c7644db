/**
 * Excel starts a new row at \r\n, \n or \r alike, mixed in one file (a header typed on Windows
 * above rows appended on Linux). csv-parse and the fast scanner take the first line break they
 * see as the only one, so such a file read as a few long rows of cells past the header. Every
 * line break becomes \n before parsing, inside quotes too: a break in a cell is one either way.
 */
export const unifyLineBreaks = (text: string): string => (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text);

/** The same over chunks of a stream: a \r at a chunk's end waits to see whether \n follows. */
export function lineBreakUnifier(): { write(text: string): string; end(): string } {
  let held = '';
  return {
    write(text: string): string {
      const all = held + text;
      held = all.endsWith('\r') ? '\r' : '';
      return unifyLineBreaks(held ? all.slice(0, -1) : all);
    },
    end(): string {
      const last = held ? '\n' : '';
      held = '';
      return last;
    },
  };
}
