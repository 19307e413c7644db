/**
 * The only module that knows ECharts. Charts are drawn here to static SVG
 * (server-side, no browser JavaScript) from the specs of chart-specs.ts.
 * Loaded only when a chart is not in the cache (pipeline/chart-cache.ts).
 */
import * as echarts from 'echarts/core';
// Only the parts used, by path: the full package costs 290 ms to import,
// these 130 ms (the build's start-up time is part of its cost).
import { install as BarChart } from 'echarts/lib/chart/bar/install.js';
import { install as PieChart } from 'echarts/lib/chart/pie/install.js';
import { install as GridComponent } from 'echarts/lib/component/grid/install.js';
import { install as TitleComponent } from 'echarts/lib/component/title/install.js';
import { install as SVGRenderer } from 'echarts/lib/renderer/installSVGRenderer.js';
import { barSpec, BASE_OPTION, pieSpec, type BarDatum, type ChartSpec, type PieDatum } from './chart-specs.js';

echarts.use([BarChart, PieChart, GridComponent, TitleComponent, SVGRenderer]);

/**
 * The last charts drawn, by their option: drawing one takes ECharts 10–40 ms,
 * and a preview's rebuild after an article is saved draws the same figures
 * again. The SVG depends on nothing but the option and size (see below), so
 * a remembered one is the same string. A quarter draws a few charts; a batch
 * of quarters draws new ones, so the oldest are dropped past this many.
 */
const KEEP_CHARTS = 16;
const drawn = new Map<string, string>();

export function drawChart({ option, width, height }: ChartSpec): string {
  // A function in the option (a formatter) is not in its JSON, nor what it closes over: never remembered.
  let plain = true;
  const key = JSON.stringify([option, width, height], (_, v: unknown) => {
    if (typeof v === 'function') plain = false;
    return v;
  });
  if (!plain) return draw(option, width, height);
  const known = drawn.get(key);
  if (known !== undefined) return known;
  const svg = draw(option, width, height);
  drawn.set(key, svg);
  if (drawn.size > KEEP_CHARTS) drawn.delete(drawn.keys().next().value as string);
  return svg;
}

function draw(option: ChartSpec['option'], width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...BASE_OPTION, ...option });
    // Hover styles are useless on paper, and their class names come from a
    // process-wide counter: dropping them keeps rebuilds byte-identical.
    // (Changing this clean-up changes the drawings: raise DRAWING in chart-specs.ts.)
    // The chart's name, for the web edition's role="img" (render-web.ts labelChart): ECharts draws
    // the labels before the title, so the first text is 电子电器 0.04% or the axis unit 件.
    const title = (option.title as { text?: string } | undefined)?.text ?? '';
    const named = title.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
    return chart
      .renderToSVGString()
      .replace(/<style[\s\S]*?<\/style>/g, '')
      .replace(/ class="zr\d+-cls-\d+"/g, '')
      .replace(/^<svg\b/, named ? `<svg aria-label="${named}"` : '<svg');
  } finally {
    chart.dispose();
  }
}

export const pieChart = (title: string, data: readonly PieDatum[]): string => drawChart(pieSpec(title, data));

export const barChart = (title: string, data: readonly BarDatum[], unit: string): string =>
  drawChart(barSpec(title, data, unit));
