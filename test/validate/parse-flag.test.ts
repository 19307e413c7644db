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
  it.each(['①', '¹', '⓪'])('rejects %s: a list or footnote mark, not the 1 or 0 NFKC makes it', (v) => {
    expect(parseFlag(v)).toEqual({ ok: false });
  });
});
