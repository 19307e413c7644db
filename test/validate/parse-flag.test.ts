import { describe, expect, it } from 'vitest';
import { parseFlag } from '../../src/validate/parse-flag.js';

describe('parseFlag', () => {
  it.each(['是', 'Y', 'yes', '√', '1', true, '典型'])('reads %s as yes', (v) => {
    expect(parseFlag(v)).toEqual({ ok: true, value: true });
  });
  it.each(['否', 'N', '', null, '0', false])('reads %s as no', (v) => {
    expect(parseFlag(v)).toEqual({ ok: true, value: false });
  });
  it('rejects anything else', () => {
    expect(parseFlag('也许')).toEqual({ ok: false });
  });
});
