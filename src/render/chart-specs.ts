/**
 * What each chart shows, as an ECharts option and a size, without ECharts:
 * a build whose charts are all in the cache (pipeline/chart-cache.ts) never
 * loads it. charts.ts draws a spec; our own percentage labels keep chart
 * and table from ever disagreeing. Pure.
 */
import { percent } from '../model/chinese.js';

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

/** An ECharts option (plain data: no function, so its JSON says all of it) and the SVG's size. */
export interface ChartSpec {
  option: Record<string, unknown>;
  width: number;
  height: number;
}

export const FONT = "'Noto Serif SC', serif";
// Outlined text (ECharts' default label border) prints as Type 3 glyph
// outlines in Chromium's PDF. ECharts ignores a zero width alone, so every
// label also gets a transparent border colour. textBorderColor: 'transparent'.
// Saturated, print-safe colours that stay distinct in greyscale order.
export const COLORS = [
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

/** What charts.ts adds to every option before drawing it. */
export const BASE_OPTION = {
  animation: false,
  color: COLORS,
  textStyle: { fontFamily: FONT, fontSize: 13, textBorderWidth: 0, textBorderColor: 'transparent' },
};

/**
 * With the ECharts release, BASE_OPTION and the spec, the key of a cached
 * drawing (pipeline/chart-cache.ts): raise it whenever charts.ts changes how
 * it turns a spec into SVG in any other way (its clean-up of the output).
 */
export const DRAWING = 2;

/** A label shown as is: ECharts would read {a} or {b} in it as placeholders. */
const literal = (text: string): string => text.replace(/[{}]/g, '');

export function pieSpec(title: string, data: readonly PieDatum[], decimals = 2): ChartSpec {
  return {
    option: {
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
                formatter: literal(`${d.name} ${percent(d.share, decimals)}`),
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
    width: 680,
    height: 340,
  };
}

export function barSpec(title: string, data: readonly BarDatum[], unit: string): ChartSpec {
  return {
    option: {
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
    width: 680,
    height: 360,
  };
}
