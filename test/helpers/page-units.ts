/** Units of the pagination model for its tests (page-model, page-foresee): a paragraph by its markers. */
import type { Unit } from '../../src/render/page-model.js';

export const text = (id: string): Unit => ({
  kind: 'text',
  id: `${id}.start`,
  start: `${id}.start`,
  end: `${id}.end`,
  scale: 100,
});
