/**
 * Numbers in printed text and where they may come from, for the test that
 * every number of the sample PDF is in stats.json or in the inputs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { wan } from '../../src/model/chinese.js';

/** Numbers as written: 418448, 61.54, 8255.87, and ECharts' axis labels with separators (300,000). */
export function numbersIn(text: string): string[] {
  return text.match(/\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?/g) ?? [];
}

/** One spelling per value: 09 → 9, 12.50 → 12.5, 300,000 → 300000. */
export const canonical = (n: string): string => String(Number(n.replaceAll(',', '')));

/** Every number in stats.json, also as the text prints it (two decimals, in 万), and the numbers inside its strings. */
export function statsNumbers(stats: unknown, decimals = 2): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'number') {
      for (const s of [String(v), v.toFixed(decimals), ...numbersIn(wan(v))]) out.add(canonical(s));
    } else if (typeof v === 'string') for (const s of numbersIn(v)) out.add(canonical(s));
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  walk(stats);
  return out;
}

/**
 * Numbers in a quarter folder's text inputs (CSV tables, issue.json, the
 * articles) and in the configuration; a phone number such as 0731-85315315
 * also without its hyphen, as pdftotext reads it where the line breaks there.
 */
export function inputNumbers(quarterDir: string, configFile: string): Set<string> {
  const texts = [
    readFileSync(configFile, 'utf8'),
    ...readdirSync(quarterDir)
      .filter((f) => /\.(csv|json)$/.test(f))
      .map((f) => readFileSync(join(quarterDir, f), 'utf8')),
    ...readdirSync(join(quarterDir, 'articles'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => readFileSync(join(quarterDir, 'articles', f), 'utf8')),
  ];
  const out = new Set<string>();
  for (const t of texts) {
    for (const s of numbersIn(t)) out.add(canonical(s));
    for (const m of t.matchAll(/(\d+)[-—](\d+)/g)) out.add(canonical(`${m[1]}${m[2]}`));
  }
  return out;
}

/**
 * Labels of a chart's value axis, which ECharts chooses (0, 50,000, 100,000 …):
 * the numbers written with thousands separators, accepted when together with 0
 * they are the multiples of one step.
 */
export function axisTicks(numbers: readonly string[]): Set<string> {
  const ticks = [...new Set(numbers.filter((n) => n.includes(',')).map((n) => Number(n.replaceAll(',', ''))))];
  const step = Math.min(...ticks);
  return new Set(ticks.filter((t) => t % step === 0).map(String));
}
