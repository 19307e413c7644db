import type { ProvinceFigures } from '../../src/model/bulletin.js';

/** A province's row of the national table: [次, 件] this year and this quarter. */
export const provinceRow = (code: string, ytd: [number, number], quarter: [number, number]): ProvinceFigures => ({
  code,
  ytd: { recalls: ytd[0], quantity: ytd[1] },
  quarter: { recalls: quarter[0], quantity: quarter[1] },
});
