/**
 * The only module that knows ECharts. Charts are rendered here to static SVG
 * (server-side, no browser JavaScript) from the same figures as the tables,
 * with our own percentage labels so chart and table never disagree.
 */
import * as echarts from 'echarts/core';
// Only the parts used, by path: the full package costs 290 ms to import,
// these 130 ms (the build's start-up time is part of its cost).
import { install as BarChart } from 'echarts/lib/chart/bar/install.js';
import { install as PieChart } from 'echarts/lib/chart/pie/install.js';
import { install as GridComponent } from 'echarts/lib/component/grid/install.js';
import { install as TitleComponent } from 'echarts/lib/component/title/install.js';
import { install as SVGRenderer } from 'echarts/lib/renderer/installSVGRenderer.js';

echarts.use([BarChart, PieChart, GridComponent, TitleComponent, SVGRenderer]);

export interface PieDatum {
  name: string;
  value: number;
  /** The table's share, printed as the label. */
  share: number;
}

export interface BarDatum {
  name: string;
  value: number;
}

const FONT = "'Noto Serif SC', serif";
// Outlined text (ECharts' default label border) prints as Type 3 glyph
// outlines in Chromium's PDF. ECharts ignores a zero width alone, so every
// label also gets a transparent border colour. textBorderColor: 'transparent'.
// Saturated, print-safe colours that stay distinct in greyscale order.
const COLORS = [
  '#c0392b',
  '#2e86c1',
  '#28b463',
  '#f39c12',
  '#8e44ad',
  '#17a589',
  '#d35400',
  '#1f618d',
  '#b7950b',
  '#7b7d7d',
];

/** A label shown as is: ECharts would read {a} or {b} in it as placeholders. */
const literal = (text: string): string => text.replace(/[{}]/g, '');

/**
 * The last charts drawn, by their option: drawing one takes ECharts 10–40 ms,
 * and a preview's rebuild after an article is saved draws the same figures
 * again. The SVG depends on nothing but the option and size (see below), so
 * a remembered one is the same string. A quarter draws a few charts; a batch
 * of quarters draws new ones, so the oldest are dropped past this many.
 */
const KEEP_CHARTS = 16;
const drawn = new Map<string, string>();

function render(option: echarts.EChartsCoreOption, width: number, height: number): string {
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

function draw(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      color: COLORS,
      textStyle: { fontFamily: FONT, fontSize: 13, textBorderWidth: 0, textBorderColor: 'transparent' },
      ...option,
    });
    // Hover styles are useless on paper, and their class names come from a
    // process-wide counter: dropping them keeps rebuilds byte-identical.
    return chart
      .renderToSVGString()
      .replace(/<style[\s\S]*?<\/style>/g, '')
      .replace(/ class="zr\d+-cls-\d+"/g, '');
  } finally {
    chart.dispose();
  }
}

export function pieChart(title: string, data: readonly PieDatum[]): string {
  return render(
    {
      title: { text: title, left: 'center', top: 4, textStyle: { fontFamily: FONT, fontSize: 15, fontWeight: 'bold' } },
      series: [
        {
          type: 'pie',
          radius: ['0%', '52%'],
          center: ['50%', '56%'],
          data: data
            .filter((d) => d.value > 0)
            .map((d) => ({
              name: d.name,
              value: d.value,
              label: {
                formatter: literal(`${d.name} ${d.share.toFixed(2)}%`),
                textBorderWidth: 0,
                textBorderColor: 'transparent',
              },
            })),
          label: {
            overflow: 'none',
            textBorderWidth: 0,
            textBorderColor: 'transparent',
            fontFamily: FONT,
            fontSize: 13,
          },
          labelLine: { length: 14, length2: 18 },
          avoidLabelOverlap: true,
        },
      ],
    },
    680,
    340,
  );
}

export function barChart(title: string, data: readonly BarDatum[], unit: string): string {
  return render(
    {
      title: { text: title, left: 'center', top: 4, textStyle: { fontFamily: FONT, fontSize: 15, fontWeight: 'bold' } },
      grid: { left: 70, right: 20, top: 50, bottom: 70 },
      xAxis: {
        type: 'category',
        data: data.map((d) => d.name),
        axisLabel: { interval: 0, rotate: 40, fontFamily: FONT, fontSize: 12 },
      },
      yAxis: { type: 'value', name: unit, nameTextStyle: { fontFamily: FONT }, axisLabel: { fontFamily: FONT } },
      series: [
        {
          type: 'bar',
          data: data.map((d) => ({
            value: d.value,
            label: { show: d.value > 0, textBorderWidth: 0, textBorderColor: 'transparent' },
          })),
          barMaxWidth: 28,
          itemStyle: { color: COLORS[1] },
          label: {
            position: 'top',
            fontFamily: FONT,
            fontSize: 11,
            textBorderWidth: 0,
            textBorderColor: 'transparent',
          },
        },
      ],
    },
    680,
    360,
  );
}
