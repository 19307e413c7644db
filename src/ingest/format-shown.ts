/** What Excel shows of a number in a simple number format, for messages that quote it. */

/**
 * What Excel shows of a count in placeholders around a literal point (0!.0000, 0"."0000, \.0000):
 * its digits fill them from the right, zeros padding the 0s. Null for any other format.
 */
function shownAroundPoint(value: number, section: string): string | null {
  const m = /^([#0]*)(?:"\."|[\\!]\.)(0+)$/.exec(section);
  if (!m || !Number.isSafeInteger(value) || value < 0) return null;
  const [left, right] = [m[1] as string, m[2] as string];
  const digits = String(value).padStart(right.length + (left.match(/0/g)?.length ?? 0), '0');
  if (left === '') return `.${digits}`;
  return `${digits.slice(0, -right.length)}.${digits.slice(-right.length)}`;
}

/**
 * What Excel shows of `value` in format `fmt`, for a message, when the format is a simple one
 * (digits, grouping, decimals, trailing commas, %, a literal point among the digits, text around
 * them); null for any other.
 */
export function shownAs(value: number, fmt: string): string | null {
  const section = (fmt.split(';')[0] ?? '').replace(/\[[^\]]*\]/g, '');
  const aroundPoint = shownAroundPoint(value, section);
  if (aroundPoint !== null) return aroundPoint;
  const code = section.replace(/"[^"]*"|\\./g, (m) => (m[0] === '"' ? '' : ' '));
  const runs = code.match(/[#0][#0,.]*/g) ?? [];
  if (runs.length !== 1 || /[eE/@?*_]/.test(code)) return null;
  const run = runs[0] as string;
  const commas = /,*$/.exec(run)![0].length;
  const decimals = (/\.([#0]*)/.exec(run)?.[1] ?? '').length;
  const scaled = (value * (code.includes('%') ? 100 : 1)) / 1000 ** commas;
  const digits = scaled.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: run.slice(0, run.length - commas).includes(','),
  });
  let out = '';
  let placed = false;
  for (const m of section.matchAll(/"([^"]*)"|\\(.)|([#0][#0,.]*)|(.)/gsu)) {
    if (m[3] !== undefined) out += placed ? '' : digits;
    else out += m[1] ?? m[2] ?? m[4] ?? '';
    if (m[3] !== undefined) placed = true;
  }
  return out;
}
