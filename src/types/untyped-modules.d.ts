// Modules imported by path that their packages ship no types for.

// ECharts types its barrels (echarts/charts…) but not the per-part modules
// charts.ts imports to start faster; each exports one installer.
declare module 'echarts/lib/chart/bar/install.js' {
  export const install: (registers: unknown) => void;
}
declare module 'echarts/lib/chart/pie/install.js' {
  export const install: (registers: unknown) => void;
}
declare module 'echarts/lib/component/grid/install.js' {
  export const install: (registers: unknown) => void;
}
declare module 'echarts/lib/component/title/install.js' {
  export const install: (registers: unknown) => void;
}
declare module 'echarts/lib/renderer/installSVGRenderer.js' {
  export const install: (registers: unknown) => void;
}

// subset-font (harfbuzz's hb-subset compiled to WebAssembly) ships no types.
declare module 'subset-font' {
  export default function subsetFont(
    font: Buffer,
    text: string,
    options?: { targetFormat?: 'woff2' | 'woff' | 'truetype' | 'sfnt' },
  ): Promise<Buffer>;
}

// wawoff2 (Google's WOFF2 codec in WebAssembly): tests decode our WOFF2 with it.
declare module 'wawoff2' {
  const wawoff2: { decompress(font: Uint8Array): Promise<Uint8Array>; compress(font: Uint8Array): Promise<Uint8Array> };
  export default wawoff2;
}
