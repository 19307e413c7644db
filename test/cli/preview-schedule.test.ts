import { describe, expect, it } from 'vitest';
import { oneAtATime, QUIET_MS, quietPeriod, type Timers } from '../../src/preview/rebuild-schedule.js';

/** A clock that moves only when the test says so. */
function fakeTimers() {
  let now = 0;
  const due = new Map<number, { at: number; run: () => void }>();
  let next = 0;
  const timers: Timers = {
    set: (run, ms) => {
      due.set(++next, { at: now + ms, run });
      return next;
    },
    clear: (handle) => due.delete(handle as number),
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, t] of [...due].sort((a, b) => a[1].at - b[1].at))
      if (t.at <= now) {
        due.delete(id);
        t.run();
      }
  };
  return { timers, advance, pending: () => due.size };
}

describe('quiet period before a rebuild', () => {
  it('waits 100 ms after the last event of a burst, then rebuilds once', () => {
    const clock = fakeTimers();
    let rebuilds = 0;
    const quiet = quietPeriod(() => rebuilds++, QUIET_MS, clock.timers);
    expect(QUIET_MS).toBe(100);
    // An editor's save: truncate, write, rename, folder touched, a few ms apart.
    for (let i = 0; i < 4; i++) {
      quiet.changed();
      clock.advance(3);
    }
    clock.advance(QUIET_MS - 4);
    expect(rebuilds).toBe(0);
    clock.advance(1);
    expect(rebuilds).toBe(1);
    clock.advance(1000);
    expect(rebuilds).toBe(1);
  });

  it('rebuilds once per save when saves are further apart than the quiet period', () => {
    const clock = fakeTimers();
    let rebuilds = 0;
    const quiet = quietPeriod(() => rebuilds++, QUIET_MS, clock.timers);
    quiet.changed();
    clock.advance(QUIET_MS);
    quiet.changed();
    clock.advance(QUIET_MS);
    expect(rebuilds).toBe(2);
  });

  it('leaves nothing pending once cancelled (the preview is closing)', () => {
    const clock = fakeTimers();
    let rebuilds = 0;
    const quiet = quietPeriod(() => rebuilds++, QUIET_MS, clock.timers);
    quiet.changed();
    quiet.cancel();
    expect(clock.pending()).toBe(0);
    clock.advance(QUIET_MS * 10);
    expect(rebuilds).toBe(0);
  });
});

describe('one rebuild at a time', () => {
  it('builds the last save: saves during a rebuild queue exactly one more, which starts when it ends', async () => {
    const started: Array<() => void> = [];
    const schedule = oneAtATime(() => new Promise<void>((done) => started.push(done)));
    const first = schedule.trigger();
    void schedule.trigger();
    void schedule.trigger();
    expect(started).toHaveLength(1);
    started[0]!();
    await first;
    expect(started).toHaveLength(2);
    started[1]!();
    await schedule.stop();
    expect(started).toHaveLength(2);
  });

  it('stop drops a queued rebuild and waits for the running one', async () => {
    const started: Array<() => void> = [];
    const schedule = oneAtATime(() => new Promise<void>((done) => started.push(done)));
    void schedule.trigger();
    void schedule.trigger();
    const stopped = schedule.stop();
    started[0]!();
    await stopped;
    expect(started).toHaveLength(1);
  });
});
