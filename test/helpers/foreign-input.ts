import type { ForeignInput } from '../../src/model/bulletin.js';

/** A row of the foreign table: a quantity or China-made quantity of null is 未公开. */
export const jurisdiction = (
  name: string,
  recalls: number,
  quantity: number | null,
  china: number,
  chinaQty: number | null,
): ForeignInput['jurisdictions'][number] => ({
  name,
  recalls,
  quantity,
  chinaRecalls: china,
  chinaQuantity: chinaQty,
});
