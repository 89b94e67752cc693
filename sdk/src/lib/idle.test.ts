import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PendingRun, whenIdle, whenIdleAndQuiet } from './idle.js';

import { stubIdleCallbacks } from './__fixtures__/fake-idle.js';

let idle: () => void;
/** Idle requests neither run nor cancelled. */
let requests: () => { timeout: number | undefined }[];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  ({ idle, pending: requests } = stubIdleCallbacks());
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('whenIdle', () => {
  it('runs in the next idle period, asking for it within the timeout', () => {
    const fn = vi.fn();
    whenIdle(fn, 1000);
    expect(requests().map((r) => r.timeout)).toEqual([1000]);
    expect(fn).not.toHaveBeenCalled();
    idle();
    expect(fn).toHaveBeenCalledOnce();
  });
});

describe('whenIdleAndQuiet', () => {
  it('runs in the first idle period when the last activity is already quiet long enough', () => {
    const fn = vi.fn();
    whenIdleAndQuiet(fn, 1000, 50, () => performance.now() - 60);
    idle();
    expect(fn).toHaveBeenCalledOnce();
  });

  it('lets idle periods inside a burst go by, and runs once the burst has been quiet for quietMs', () => {
    const fn = vi.fn();
    let last = performance.now();
    whenIdleAndQuiet(fn, 1000, 50, () => last);
    // A burst: something happens every 4 ms, with idle periods between.
    for (let i = 0; i < 10; i++) {
      idle();
      vi.advanceTimersByTime(4);
      last = performance.now();
    }
    idle();
    expect(fn).not.toHaveBeenCalled();
    // The burst ends: after 50 quiet ms the next idle period is used.
    vi.advanceTimersByTime(49);
    idle();
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    idle();
    expect(fn).toHaveBeenCalledOnce();
    // The later request still asks to run by the first one's deadline.
    expect(requests()).toHaveLength(0);
  });

  it('runs by its deadline even when the page never goes quiet', () => {
    const fn = vi.fn();
    const start = performance.now();
    whenIdleAndQuiet(fn, 200, 50, () => performance.now());
    // Busy all the time: it keeps waiting while a quiet moment could still come before the deadline...
    while (performance.now() - start < 150) {
      idle();
      vi.advanceTimersByTime(10);
    }
    expect(fn).not.toHaveBeenCalled();
    // ...and runs in the first idle period once waiting longer would pass it.
    idle();
    expect(fn).toHaveBeenCalledOnce();
  });

  it('asks each idle request to come no later than what is left of the deadline', () => {
    let last = performance.now();
    whenIdleAndQuiet(() => {}, 1000, 50, () => last);
    expect(requests().map((r) => r.timeout)).toEqual([1000]);
    vi.advanceTimersByTime(300);
    last = performance.now();
    idle();
    vi.advanceTimersByTime(50);
    expect(requests().map((r) => r.timeout)).toEqual([650]);
  });

  it('can be cancelled while it waits for idle time or for the page to go quiet', () => {
    const fn = vi.fn();
    const cancelIdle = whenIdleAndQuiet(fn, 1000, 50, () => -Infinity);
    cancelIdle();
    idle();
    const last = performance.now();
    const cancelQuiet = whenIdleAndQuiet(fn, 1000, 50, () => last);
    idle();
    cancelQuiet();
    vi.advanceTimersByTime(1000);
    idle();
    expect(fn).not.toHaveBeenCalled();
  });

  it('runs at once where requestIdleCallback is missing and the page is quiet', () => {
    vi.unstubAllGlobals();
    const fn = vi.fn();
    whenIdleAndQuiet(fn, 1000, 50, () => -Infinity);
    expect(fn).toHaveBeenCalledOnce();
  });
});

describe('PendingRun', () => {
  it('drops a request while a run waits, and takes the next one once it has run', () => {
    const pending = new PendingRun();
    const fn = vi.fn();
    pending.request((run) => whenIdle(run, 1000), fn);
    pending.request((run) => whenIdle(run, 1000), fn);
    expect(requests()).toHaveLength(1);
    idle();
    expect(fn).toHaveBeenCalledOnce();
    pending.request((run) => whenIdle(run, 1000), fn);
    expect(requests()).toHaveLength(1);
  });

  it('keeps nothing waiting when the schedule runs the work at once, and cancels what waits', () => {
    const pending = new PendingRun();
    const fn = vi.fn();
    pending.request((run) => (run(), () => {}), fn);
    pending.request((run) => (run(), () => {}), fn);
    expect(fn).toHaveBeenCalledTimes(2);
    pending.request((run) => whenIdle(run, 1000), fn);
    pending.cancel();
    idle();
    expect(fn).toHaveBeenCalledTimes(2);
  });
});
