/**
 * The report's charts as SVG, taken from earlier builds when drawn from the
 * same spec by the same ECharts release (render/chart-specs.ts): a build
 * whose charts are all cached never loads ECharts (about 0.2 s of the
 * sample's build: compiling it, then drawing three charts). In the layout
 * cache's folder, under charts/; off with --no-cache. Best effort, like the
 * font cache: each file starts with the SHA-256 of the SVG after it, and one
 * that does not match is drawn again.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { BASE_OPTION, DRAWING, type ChartSpec } from '../render/chart-specs.js';

let writes = 0;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The installed ECharts release, from its package.json (loading ECharts itself is what this saves). */
function echartsRelease(): string | null {
  try {
    return (createRequire(import.meta.url)('echarts/package.json') as { version: string }).version;
  } catch {
    return null; // not found where Node would load it from: then nothing is cached
  }
}

async function draw(spec: ChartSpec): Promise<string> {
  const { drawChart } = await import('../render/charts.js');
  return drawChart(spec);
}

async function cached(folder: string, key: string, spec: ChartSpec): Promise<string> {
  const file = join(folder, `${key}.svg`);
  try {
    const stored = await readFile(file, 'utf8');
    const svg = stored.slice(65);
    if (stored.slice(0, 65) === `${sha256(svg)}\n`) return svg;
  } catch {
    // not drawn before (or unreadable): drawn below
  }
  const svg = await draw(spec);
  const tmp = `${file}.${process.pid}.${++writes}.tmp`;
  try {
    await mkdir(folder, { recursive: true });
    await writeFile(tmp, `${sha256(svg)}\n${svg}`);
    await rename(tmp, file);
  } catch {
    // A read-only or full disk only costs the next build the drawing.
  }
  return svg;
}

/** Each spec drawn, from `dir`'s charts/ when it has the drawing; `dir` null (--no-cache) draws every one. */
export async function drawCharts<K extends string>(
  specs: Record<K, ChartSpec>,
  dir: string | null,
): Promise<Record<K, string>> {
  const release = dir ? echartsRelease() : null;
  const entries = Object.entries(specs) as Array<[K, ChartSpec]>;
  const drawn = await Promise.all(
    entries.map(([, spec]) =>
      dir && release
        ? cached(join(dir, 'charts'), sha256(JSON.stringify([DRAWING, release, BASE_OPTION, spec])), spec)
        : draw(spec),
    ),
  );
  return Object.fromEntries(entries.map(([name], i) => [name, drawn[i]])) as Record<K, string>;
}
