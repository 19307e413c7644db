/**
 * The report's charts as SVG, taken from earlier builds when drawn from the
 * same spec by the same ECharts release (render/chart-specs.ts): a build
 * whose charts are all cached never loads ECharts (about 0.2 s of the
 * sample's build: compiling it, then drawing three charts). In the layout
 * cache's folder, under charts/; off with --no-cache. Best effort, like the
 * font cache: each file carries the SHA-256 of its SVG (cache-files.ts), and
 * one that does not match is drawn again.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { BASE_OPTION, DRAWING, type ChartSpec } from '../render/chart-specs.js';
import { cacheFiles, type CacheFiles } from './cache-files.js';

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

async function cached(files: CacheFiles, key: string, spec: ChartSpec): Promise<string> {
  const stored = await files.read(key);
  if (stored) return stored.toString('utf8');
  const svg = await draw(spec);
  await files.write(key, Buffer.from(svg, 'utf8'));
  return svg;
}

/** Each spec drawn, from `dir`'s charts/ when it has the drawing; `dir` null (--no-cache) draws every one. */
export async function drawCharts<K extends string>(
  specs: Record<K, ChartSpec>,
  dir: string | null,
): Promise<Record<K, string>> {
  const release = dir ? echartsRelease() : null;
  const files = dir && cacheFiles(join(dir, 'charts'), '.svg', true);
  const entries = Object.entries(specs) as Array<[K, ChartSpec]>;
  const drawn = await Promise.all(
    entries.map(([, spec]) =>
      files && release
        ? cached(files, sha256(JSON.stringify([DRAWING, release, BASE_OPTION, spec])), spec)
        : draw(spec),
    ),
  );
  return Object.fromEntries(entries.map(([name], i) => [name, drawn[i]])) as Record<K, string>;
}
