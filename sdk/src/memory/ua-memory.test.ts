import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIRST_MEASUREMENT_MEAN_MS, exponentialDelay, scheduleUaMemory, toMeasurement, uaMemoryCapability } from './ua-memory.js';
import { LIMITS } from '../protocol/index.js';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('exponentialDelay', () => {
  it('draws delays whose mean is the given mean', () => {
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const n = 20_000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += exponentialDelay(1000, random);
    expect(sum / n).toBeGreaterThan(950);
    expect(sum / n).toBeLessThan(1050);
  });

  it('stays finite at the edges of random()', () => {
    expect(exponentialDelay(1000, () => 0)).toBeCloseTo(0);
    expect(Number.isFinite(exponentialDelay(1000, () => 0.9999999999))).toBe(true);
  });
});

describe('scheduleUaMemory', () => {
  function stubIsolatedPage(measure: () => Promise<unknown>) {
    vi.stubGlobal('crossOriginIsolated', true);
    vi.stubGlobal('performance', { ...performance, now: () => Date.now(), measureUserAgentSpecificMemory: measure });
  }

  it('measures at random intervals, one at a time, and stops when asked', async () => {
    vi.useFakeTimers();
    let resolveMeasure: (value: unknown) => void = () => {};
    const measure = vi.fn(() => new Promise((resolve) => (resolveMeasure = resolve)));
    stubIsolatedPage(measure);
    const onMeasurement = vi.fn();
    // random() = 1 - e^-1 gives a delay of exactly one mean.
    const stop = scheduleUaMemory({ meanIntervalMs: 60_000, onMeasurement, onError: vi.fn(), random: () => 1 - Math.exp(-1) });

    await vi.advanceTimersByTimeAsync(FIRST_MEASUREMENT_MEAN_MS - 1);
    expect(measure).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(measure).toHaveBeenCalledTimes(1);

    // Still pending: no second call however long it takes.
    await vi.advanceTimersByTimeAsync(200_000);
    expect(measure).toHaveBeenCalledTimes(1);
    resolveMeasure({ bytes: 1234, breakdown: [{ bytes: 1000, types: ['JavaScript'], attribution: [{ url: 'http://a/', scope: 'Window' }] }] });
    await vi.advanceTimersByTimeAsync(0);
    expect(onMeasurement).toHaveBeenCalledWith(expect.objectContaining({ bytes: 1234 }));

    // The next one follows the full mean.
    await vi.advanceTimersByTimeAsync(59_999);
    expect(measure).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(measure).toHaveBeenCalledTimes(2);

    stop();
    resolveMeasure({ bytes: 1, breakdown: [] });
    await vi.advanceTimersByTimeAsync(1_000_000);
    expect(measure).toHaveBeenCalledTimes(2);
    expect(onMeasurement).toHaveBeenCalledTimes(1);
  });

  it('reports a failed measurement and keeps scheduling', async () => {
    vi.useFakeTimers();
    const measure = vi.fn(() => Promise.reject(new Error('SecurityError')));
    stubIsolatedPage(measure);
    const onError = vi.fn();
    const stop = scheduleUaMemory({ meanIntervalMs: 1000, onMeasurement: vi.fn(), onError, random: () => 0.5 });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(onError).toHaveBeenCalled();
    expect(measure.mock.calls.length).toBeGreaterThan(2);
    stop();
  });

  it('does nothing and says why on a page that is not cross-origin isolated', () => {
    vi.stubGlobal('crossOriginIsolated', false);
    const stop = scheduleUaMemory({ meanIntervalMs: 1000, onMeasurement: vi.fn(), onError: vi.fn() });
    stop();
    expect(uaMemoryCapability()).toMatchObject({ state: 'unavailable', fix: expect.stringContaining('Cross-Origin-Opener-Policy') });
  });
});

describe('toMeasurement', () => {
  it('copies the breakdown into bounded, plain objects', () => {
    const raw = {
      bytes: 10,
      breakdown: Array.from({ length: LIMITS.breakdown + 5 }, () => ({
        bytes: 1,
        types: ['DOM'],
        attribution: [{ url: 'x'.repeat(LIMITS.url + 10), container: { id: 'frame' } }],
      })),
    };
    const m = toMeasurement(raw, 5);
    expect(m.breakdown).toHaveLength(LIMITS.breakdown);
    expect(m.breakdown[0]!.attribution[0]!.url).toHaveLength(LIMITS.url);
    expect(m.breakdown[0]!.attribution[0]!.container).toEqual({ id: 'frame' });
    expect(m.t).toBe(5);
  });
});
