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
