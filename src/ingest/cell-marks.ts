/**
 * What a workbook cell says besides its value, where the value alone would
 * give a wrong figure: a merged range over several rows (its value is
 * repeated down, so a quantity would count once per row), a cell merged into
 * one on its left (it holds no figure of its own, only a copy of the one it
 * is merged into: E2:F2 gives 本年数量 the 本年次数), and a number
 * format that scales or labels the number (0"万件" shows 26 as 26万件, 0,
 * shows 26000 as 26, 0% shows 26 as 2600%). Every XLSX reader marks the
 * rows the same way (the property tests compare them); validation decides
 * which columns care.
 */
import { isScaledUnit } from '../model/unit-scale.js';
import type { Merge } from './sheet-layout.js';
import type { CellMark, CellValue, RawRow } from './table.js';

/** A format's literal text (quoted, escaped with \ or written bare) and its code without it. */
function split(fmt: string): { literal: string; code: string } {
  let literal = '';
  let code = '';
  for (const m of fmt.matchAll(/"([^"]*)"?|\\(.)|\[[^\]]*\]|([\p{Script=Han}])|(.)/gsu)) {
    if (m[1] !== undefined || m[2] !== undefined || m[3] !== undefined) literal += ` ${m[1] ?? m[2] ?? m[3]}`;
    else if (m[4] !== undefined) code += m[4];
  }
  return { literal, code };
}

/**
 * True when a section has a literal decimal point ("." quoted, or . escaped with \ or !) before
 * digit placeholders, after others or on its own: 0!.0000 shows 23800 as 2.3800, read as 2.38,
 * and \.0000 as .23800. Excel fills the placeholders on both sides of it from the integer's
 * digits; only a real (bare) point divides. A label ending in a point ("No."0) or a point after
 * the digits (0".") leaves the figure as it is.
 */
function literalPoint(fmt: string): boolean {
  let digitsBefore = false;
  let point = false;
  for (const m of fmt.matchAll(/"([^"]*)"?|[\\!](.)|[_*].|\[[^\]]*\]|(.)/gsu)) {
    const literal = m[1] ?? m[2];
    if (literal !== undefined) point ||= literal.includes('.') && (digitsBefore || literal.trim() === '.');
    else if (m[3] === ';') digitsBefore = point = false;
    else if (m[3] !== undefined && /[0#?]/.test(m[3])) {
      if (point) return true;
      digitsBefore = true;
    }
  }
  return false;
}

/**
 * Literal text that makes the shown figure another one: digits (0"0" shows 44000 as 440000, "1"0
 * as 144000) or a word of approximation ("约"0 shows 3400 as 约3400, which the bulletin would print
 * as an exact 3400).
 */
const SHOWS_OTHER = /[0-9０-９]|约|近|余|多|左右|上下/u;

const known = new Map<string, boolean>();

/**
 * The sections of a format that numbers are shown in: the first three. A fourth is for text
 * (0;0;0;"约"@ labels text cells only) and says nothing of how a figure is shown.
 */
function numberSections(fmt: string): string {
  const sections: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i] as string;
    if (ch === '\\' && !quoted) {
      current += ch + (fmt[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      sections.push(current);
      current = '';
    } else current += ch;
  }
  sections.push(current);
  return sections.slice(0, 3).join(';');
}

/**
 * True when a number shown in format `fmt` reads as a different figure: a multiplier in its
 * text (0"万件", 0.00"万", #,##0"千"), thousands scaling by a trailing comma (0, #,##0,,), a
 * percent sign (0%), a literal decimal point among the digits (0!.0000, 0"."0000, 0\.0000), literal
 * digits or words of approximation (SHOWS_OTHER), or an empty positive section (;;; hides it).
 */
export function isScalingFormat(format: string): boolean {
  let hit = known.get(format);
  if (hit === undefined) {
    const fmt = numberSections(format);
    const { literal, code } = split(fmt);
    hit =
      literal.split(' ').some((t) => t !== '' && (isScaledUnit(t) || SHOWS_OTHER.test(t))) ||
      code.includes('%') ||
      /[0#?],+(?![,]*[0#?])/.test(code) ||
      literalPoint(fmt) ||
      // ;;; (or any format whose positive section is empty) shows nothing where the file holds a figure.
      (fmt.includes(';') &&
        fmt
          .split(';')[0]!
          .replace(/\[[^\]]*\]/g, '')
          .trim() === '') ||
      // Elapsed time: [h] shows 23800 (days) as 571200 hours.
      /\[(?:h+|m+|s+)\]/i.test(fmt);
    if (known.size < 1000) known.set(format, hit);
  }
  return hit;
}

/**
 * The word a format shows beside the number (0"台", #,##0"pcs"), when it shows one and does not
 * scale it: a unit the cell carries without its value holding it. "No." and other text without a
 * letter or Han character is no word.
 */
export function formatLabel(format: string): string | undefined {
  const { literal } = split(numberSections(format).split(';')[0] ?? '');
  const word = literal.split(' ').find((t) => /[A-Za-z\p{Script=Han}]/u.test(t) && !/^no\.?$/i.test(t));
  return word?.trim() || undefined;
}

/** Each row's merged ranges (at most `limit` rows kept: a range over a million empty rows makes no rows). */
export function mergesByRow(merges: readonly Merge[], limit = 100_000): Map<number, Merge[]> {
  const byRow = new Map<number, Merge[]>();
  for (const m of merges)
    for (let r = m.top; r <= m.bottom && byRow.size < limit; r++) byRow.set(r, [...(byRow.get(r) ?? []), m]);
  return byRow;
}

/**
 * The row with its marks (the same object when it has none): `merges` the merged ranges covering
 * it, `formatOf` the number format of the cell in a 0-based column (asked of number cells only).
 * A cell merged into another has no format of its own (readers disagree on it): its master's counts.
 */
export function markRow(
  row: RawRow,
  merges: readonly Merge[] | undefined,
  formatOf: ((col: number) => string | undefined) | null,
): RawRow {
  if (!merges && !formatOf) return row;
  let marks: CellMark[] | undefined;
  const cells: readonly CellValue[] = row.cells;
  const width = Math.max(cells.length, ...(merges ?? []).map((m) => m.right));
  for (let c = 0; c < width; c++) {
    const range = merges?.find((m) => m.left <= c + 1 && c + 1 <= m.right);
    const master = !range || (range.top === row.row && range.left === c + 1);
    const fmt = master && formatOf && typeof cells[c] === 'number' ? formatOf(c) : undefined;
    const format = fmt !== undefined && isScalingFormat(fmt) ? fmt : undefined;
    const label = fmt !== undefined && format === undefined ? formatLabel(fmt) : undefined;
    // Over rows every cell shares one figure; across columns the first keeps its own and the rest copy it.
    const merged = range && (range.bottom > range.top || !master) ? range : undefined;
    if (!merged && format === undefined && label === undefined) continue;
    const mark: CellMark = { col: c };
    if (merged) mark.merged = { top: merged.top, left: merged.left, bottom: merged.bottom, right: merged.right };
    if (format !== undefined) mark.format = format;
    if (label !== undefined) mark.label = label;
    (marks ??= []).push(mark);
  }
  return marks ? { ...row, marks } : row;
}

export { shownAs } from './format-shown.js';
