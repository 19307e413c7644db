import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawCharts } from '../../src/pipeline/chart-cache.js';
import { barSpec, pieSpec } from '../../src/render/chart-specs.js';
import { barChart, pieChart } from '../../src/render/charts.js';
import { tempDir } from '../helpers/cli.js';

const pie = [
  { name: '电子电器', value: 3, share: 60 },
  { name: '儿童用品', value: 2, share: 40 },
];
const specs = {
  shares: pieSpec('召回产品类别', pie),
  regions: barSpec('各市州召回数量', [{ name: '长沙', value: 5 }], '件'),
};
const drawnHere = {
  shares: pieChart('召回产品类别', pie),
  regions: barChart('各市州召回数量', [{ name: '长沙', value: 5 }], '件'),
};

const files = (dir: string) => readdirSync(join(dir, 'charts')).map((f) => join(dir, 'charts', f));
// As src/pipeline/cache-files.ts keeps a checked file: the SHA-256 of the SVG, then the SVG.
const stored = (svg: string) => Buffer.concat([createHash('sha256').update(svg).digest(), Buffer.from(svg)]);

describe('drawCharts', () => {
  it('draws what is not cached, the same SVG as drawn directly, and keeps one file per chart', async () => {
    const dir = tempDir();
    expect(await drawCharts(specs, dir)).toEqual(drawnHere);
    expect(files(dir)).toHaveLength(2);
    expect(await drawCharts(specs, null)).toEqual(drawnHere);
  });

  it('takes a drawing from the cache without drawing it again, and draws one whose file was changed', async () => {
    const dir = tempDir();
    await drawCharts(specs, dir);
    const [first, second] = files(dir) as [string, string];
    // A file standing for a drawing that ECharts would not make shows the cache was read.
    writeFileSync(first, stored('<svg>from the cache</svg>'));
    const kept = readFileSync(second);
    const damaged = Buffer.concat([
      kept.subarray(0, 32),
      Buffer.from(kept.subarray(32).toString().replace('<svg', '<svg data-x="1"')),
    ]);
    writeFileSync(second, damaged);
    const again = await drawCharts(specs, dir);
    expect(Object.values(again)).toContain('<svg>from the cache</svg>');
    expect(Object.values(again).filter((svg) => svg !== '<svg>from the cache</svg>')).toHaveLength(1);
    expect(readFileSync(second).equals(damaged)).toBe(false); // drawn again and written back
  });

  it('keys a drawing by its spec: other figures are drawn, not taken from the cache', async () => {
    const dir = tempDir();
    await drawCharts(specs, dir);
    const other = await drawCharts({ regions: barSpec('各市州召回数量', [{ name: '长沙', value: 6 }], '件') }, dir);
    expect(other.regions).toContain('>6<');
    expect(files(dir)).toHaveLength(3);
  });
});
