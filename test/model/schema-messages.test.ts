import { describe, expect, it } from 'vitest';
import { z } from '../../src/model/schema.js';

const message = (schema: z.ZodType, value: unknown): string => {
  const r = schema.safeParse(value);
  return r.success ? '' : (r.error.issues[0]?.message ?? '');
};

describe('the JSON inputs’ messages (schema.ts): Chinese without type names in English', () => {
  it.each([
    [z.string(), 12345, '应为文字，实际是数字'],
    [z.number(), '2', '应为数字，实际是文字'],
    [z.number().int().max(4), 9, '数值不能大于 4'],
    [z.number().int().min(0), -1, '数值不能小于 0'],
    [z.string().min(1), '', '长度不能小于 1'],
    [z.array(z.string()), null, '应为列表（[…]），实际是空值（null）'],
    [z.boolean(), 'true', '应为true 或 false，实际是文字'],
  ])('%#: %j', (schema, value, expected) => {
    const m = message(schema, value);
    expect(m).toBe(expected);
    expect(m).not.toMatch(/string|number|boolean|array|object|undefined/);
  });
});
