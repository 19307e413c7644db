/**
 * Which layout passes are measured and which printed (pass-plan.ts), driven
 * the way print-bulletin.ts drives it: read(printed) after each pass, then
 * heldAsMeasured() or moved(printed, guessed).
 */
import { describe, expect, it } from 'vitest';
import { PassPlan } from '../../src/render/pass-plan.js';

const MAX = 8;

describe('PassPlan', () => {
  it('measures a cold layout until it holds, then prints it', () => {
    const plan = new PassPlan(false, MAX);
    expect(plan.measuring).toBe(true);
    plan.read(false);
    plan.moved(false, false); // the rules moved things, with no look-ahead: measured again
    expect(plan.measuring).toBe(true);
    plan.read(false);
    plan.heldAsMeasured();
    expect(plan.measuring).toBe(false);
    expect(plan.measured).toBe(2);
  });

  it('prints a layout the look-ahead chose without measuring it first', () => {
    const plan = new PassPlan(false, MAX);
    plan.read(false);
    plan.moved(false, true);
    expect(plan.measuring).toBe(false);
    expect(plan.measured).toBe(1);
  });

  it('measures again after the print of a look-ahead layout disagreed', () => {
    const plan = new PassPlan(false, MAX);
    plan.read(false);
    plan.moved(false, true);
    plan.read(true);
    plan.moved(true, false);
    expect(plan.measuring).toBe(true);
    // A second look-ahead is printed at once too.
    plan.read(false);
    plan.moved(false, true);
    expect(plan.measuring).toBe(false);
  });

  it('stops measuring for good when the print of a layout a measure confirmed disagreed', () => {
    const plan = new PassPlan(false, MAX);
    plan.read(false);
    plan.heldAsMeasured();
    plan.read(true);
    plan.moved(true, false);
    expect(plan.measuring).toBe(false);
    plan.read(true);
    plan.moved(true, false);
    expect(plan.measuring).toBe(false);
  });

  it('stops measuring for good when a page that was to be measured was printed instead', () => {
    const plan = new PassPlan(false, MAX);
    plan.read(true);
    expect(plan.measured).toBe(0);
    plan.moved(true, false);
    expect(plan.measuring).toBe(false);
  });

  it('prints a cached layout at once, and measures the next when its print disagreed', () => {
    const plan = new PassPlan(true, MAX);
    expect(plan.measuring).toBe(false);
    plan.read(true);
    plan.moved(true, false);
    expect(plan.measuring).toBe(true);
  });

  it('measures at most maxMeasures passes', () => {
    const plan = new PassPlan(false, 3);
    for (let k = 0; k < 3; k++) {
      expect(plan.measuring).toBe(true);
      plan.read(false);
      plan.moved(false, false);
    }
    expect(plan.measured).toBe(3);
    expect(plan.measuring).toBe(false);
  });
});
