// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemscope } from '../index.js';
import type { Memscope } from '../index.js';
import { NS, PROTOCOL_VERSION } from '../protocol/index.js';
import type { SdkEnvelope } from '../protocol/index.js';
import { stubIdleCallbacks } from '../lib/__fixtures__/fake-idle.js';
import { installReactHook } from '../react/install-hook.js';
import { ReactTracker } from '../react/tracker.js';

let posted: SdkEnvelope[];
let instance: Memscope | undefined;

function command(kind: string, sid = '') {
  window.dispatchEvent(new MessageEvent('message', { data: { ns: NS, v: PROTOCOL_VERSION, sid, seq: 0, kind, data: {} }, source: window }));
}
const kinds = () => posted.map((e) => e.kind);

beforeEach(() => {
  vi.useFakeTimers();
  posted = [];
  vi.spyOn(window, 'postMessage').mockImplementation((message: unknown) => {
    posted.push(message as SdkEnvelope);
  });
  // jsdom has no performance.memory; give it one that moves.
  let used = 10_123_456;
  Object.defineProperty(performance, 'memory', {
    configurable: true,
    get: () => ({ usedJSHeapSize: (used += 1111), totalJSHeapSize: 20_123_456, jsHeapSizeLimit: 4_000_000_000 }),
  });
});

afterEach(() => {
  instance?.stop();
  instance = undefined;
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('createMemscope', () => {
  it('announces itself once and sends nothing else while no panel is subscribed', () => {
    instance = createMemscope({ sampleIntervalMs: 100 });
    vi.advanceTimersByTime(10_000);
    expect(kinds()).toEqual(['sdk/hello']);
    // ...but keeps sampling into its bounded buffer.
    expect(window.__MEMSCOPE__!.totalSamples).toBe(101);
  });

  it('sends a full snapshot on subscribe, then batched deltas in sequence', () => {
    instance = createMemscope({ sampleIntervalMs: 100, flushIntervalMs: 250 });
    vi.advanceTimersByTime(1000);
    command('panel/subscribe');
    const snapshot = posted.at(-1)!;
    expect(snapshot.kind).toBe('sdk/snapshot');
    if (snapshot.kind !== 'sdk/snapshot') return;
    expect(snapshot.data.samples).toHaveLength(11);
    expect(snapshot.data.samples[0]!.heapUsed).toBeGreaterThan(0);
    expect(snapshot.data.samples[0]!.domNodes).toBeGreaterThan(0);

    vi.advanceTimersByTime(1000);
    let batches = posted.filter((e) => e.kind === 'sdk/batch');
    // One sample every 100 ms, each batch waiting at most 250 ms: 3 batches of 3 so far, one sample pending.
    expect(batches.map((b) => (b.kind === 'sdk/batch' ? b.data.samples.length : 0))).toEqual([3, 3, 3]);
    vi.advanceTimersByTime(250);
    batches = posted.filter((e) => e.kind === 'sdk/batch');
    expect(batches.map((b) => b.seq)).toEqual([snapshot.seq + 1, snapshot.seq + 2, snapshot.seq + 3, snapshot.seq + 4]);
    // Snapshot plus deltas are exactly what the SDK holds, each sample once.
    const streamed = [...snapshot.data.samples, ...batches.flatMap((b) => (b.kind === 'sdk/batch' ? b.data.samples : []))];
    expect(streamed).toEqual(window.__MEMSCOPE__!.samples);
  });

  it('flushes at once when 100 items are pending', () => {
    instance = createMemscope({ flushIntervalMs: 5000 });
    command('panel/subscribe');
    for (let i = 0; i < 100; i++) instance.mark(`m${i}`);
    const batch = posted.at(-1)!;
    expect(batch.kind).toBe('sdk/batch');
    if (batch.kind === 'sdk/batch') expect(batch.data.markers).toHaveLength(100);
  });

  it('stops streaming on unsubscribe and answers request-snapshot only while subscribed', () => {
    instance = createMemscope({ sampleIntervalMs: 100 });
    command('panel/subscribe');
    command('panel/unsubscribe');
    posted = [];
    vi.advanceTimersByTime(2000);
    command('panel/request-snapshot');
    expect(posted).toEqual([]);
  });

  it('ignores commands from other windows and for other sessions', () => {
    instance = createMemscope();
    posted = [];
    window.dispatchEvent(new MessageEvent('message', { data: { ns: NS, v: PROTOCOL_VERSION, sid: '', seq: 0, kind: 'panel/subscribe', data: {} }, source: null }));
    command('panel/subscribe', 'someone-else');
    expect(posted).toEqual([]);
    command('panel/subscribe', instance.sid);
    expect(kinds()).toEqual(['sdk/snapshot']);
  });

  it('takes each timed sample when the page is next idle, at most one interval late, never queueing them', () => {
    // jsdom has no requestIdleCallback (nor has Safari: there a sample is taken at once, as every test above shows).
    const { requests, pending, idle } = stubIdleCallbacks();
    try {
      instance = createMemscope({ sampleIntervalMs: 100 });
      const samples = () => window.__MEMSCOPE__!.samples.length;
      expect(samples()).toBe(1);
      // The first sample's housekeeping waits for idle time of its own (the next test is about it).
      expect(pending()).toHaveLength(1);
      idle();
      vi.advanceTimersByTime(100);
      expect(pending().map((r) => r.timeout)).toEqual([100]);
      expect(samples()).toBe(1);
      // A page busy for several intervals gets one sample when it idles, not one per interval.
      vi.advanceTimersByTime(300);
      expect(pending()).toHaveLength(1);
      idle();
      expect(samples()).toBe(2);
      // That sample's housekeeping, then the next interval's sample.
      vi.advanceTimersByTime(100);
      expect(pending()).toHaveLength(2);
      instance.stop();
      instance = undefined;
      expect(requests.slice(-2).map((r) => r.cancelled)).toEqual([true, true]);
      expect(requests).toHaveLength(4);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('holds React housekeeping back while commits come in a burst, and runs it in the first idle time after', () => {
    const { idle } = stubIdleCallbacks();
    const state = installReactHook()!;
    try {
      const tick = vi.spyOn(ReactTracker.prototype, 'tick');
      instance = createMemscope({ sampleIntervalMs: 1000 });
      // A root with nothing under it: enough for the walk, which is not what this test is about.
      const commit = () => state.listeners.forEach((l) => l.commit(1, { current: { flags: 0, child: null } }));
      // A user clicking through: a commit every 4 ms, idle periods between them.
      for (let i = 0; i < 25; i++) {
        commit();
        idle();
        vi.advanceTimersByTime(4);
      }
      expect(tick).not.toHaveBeenCalled();
      // 50 ms after the last commit, the next idle period is used.
      vi.advanceTimersByTime(46);
      idle();
      expect(tick).toHaveBeenCalledOnce();
    } finally {
      vi.unstubAllGlobals();
      delete (globalThis as { __REACT_DEVTOOLS_GLOBAL_HOOK__?: unknown }).__REACT_DEVTOOLS_GLOBAL_HOOK__;
      delete globalThis.__MEMSCOPE_REACT__;
    }
  });

  it('builds the component rows of window.__MEMSCOPE__.react only when they are read, and copies them by value', () => {
    const state = installReactHook()!;
    try {
      const components = vi.spyOn(ReactTracker.prototype, 'components');
      instance = createMemscope();
      const react = window.__MEMSCOPE__!.react!;
      expect(react.status.renderers).toEqual([]);
      expect(react.warnings).toEqual([]);
      expect(components).not.toHaveBeenCalled();
      expect(react.components).toEqual([]);
      expect(components).toHaveBeenCalledOnce();
      // As page.evaluate and structuredClone copy it: every property, by value.
      expect(Object.keys(JSON.parse(JSON.stringify(react)))).toEqual(['status', 'components', 'warnings']);
      expect(structuredClone(react).status.hook).toEqual(react.status.hook);
      expect(state.listeners.size).toBe(1);
    } finally {
      delete (globalThis as { __REACT_DEVTOOLS_GLOBAL_HOOK__?: unknown }).__REACT_DEVTOOLS_GLOBAL_HOOK__;
      delete globalThis.__MEMSCOPE_REACT__;
    }
  });

  it('returns the running instance when called twice', () => {
    instance = createMemscope();
    expect(createMemscope({ sampleIntervalMs: 500 })).toBe(instance);
  });

  it.each([
    [{ sampleIntervalMs: 5 }, /sampleIntervalMs must be a number from 100 to 600000, got 5/],
    [{ maxSamples: 10.5 }, /maxSamples must be an integer/],
    [{ flushIntervalMs: Number.NaN }, /flushIntervalMs/],
    [{ uaMemoryIntervalMs: '1000' }, /uaMemoryIntervalMs/],
    [{ react: { stormRendersPerSecond: 0 } }, /react.stormRendersPerSecond must be a number from 1 to 10000, got 0/],
    [{ react: { mode: 'fast' } }, /react.mode must be 'full' or 'counts'/],
    [{ react: 'yes' }, /option react must be true, false or an object/],
  ])('throws a clear error at once for %j', (options, message) => {
    expect(() => createMemscope(options as never)).toThrow(message);
  });

  it('keeps its buffers bounded and counts what it dropped', () => {
    instance = createMemscope({ sampleIntervalMs: 100, maxSamples: 10, maxMarkers: 2 });
    vi.advanceTimersByTime(2000);
    for (let i = 0; i < 5; i++) instance.mark(String(i));
    const view = window.__MEMSCOPE__!;
    expect(view.samples).toHaveLength(10);
    expect(view.dropped).toMatchObject({ samples: 11, markers: 3 });
    expect(view.markers.map((m) => m.label)).toEqual(['3', '4']);
  });

  it('never throws into the app when a source fails', () => {
    const onError = vi.fn();
    let calls = 0;
    Object.defineProperty(performance, 'memory', { configurable: true, get: () => {
      if (++calls > 3) throw new Error('boom');
      return { usedJSHeapSize: 1, totalJSHeapSize: 2, jsHeapSizeLimit: 3 };
    } });
    vi.spyOn(document, 'querySelectorAll').mockImplementation(() => {
      throw new Error('dom boom');
    });
    instance = createMemscope({ sampleIntervalMs: 100, onError });
    expect(() => vi.advanceTimersByTime(1000)).not.toThrow();
    expect(onError).toHaveBeenCalled();
    expect(window.__MEMSCOPE__!.errors).toBeGreaterThan(0);
  });

  it('exposes a read-only view and removes it on stop', () => {
    instance = createMemscope();
    const view = window.__MEMSCOPE__!;
    expect(() => ((view as { sid: string }).sid = 'x')).toThrow();
    view.samples.length = 0;
    expect(window.__MEMSCOPE__!.samples.length).toBe(1);
    expect(view.cost.samples).toBe(1);
    instance.stop();
    expect(kinds().at(-1)).toBe('sdk/bye');
    expect(window.__MEMSCOPE__).toBeUndefined();
    instance = undefined;
  });

  it('learns that performance.memory is precise from a reading with more than three significant digits', () => {
    instance = createMemscope();
    expect(window.__MEMSCOPE__!.capabilities.performanceMemory.state).toBe('active');
    instance.stop();
    Object.defineProperty(performance, 'memory', {
      configurable: true,
      get: () => ({ usedJSHeapSize: 10_000_000, totalJSHeapSize: 12_100_000, jsHeapSizeLimit: 4_290_000_000 }),
    });
    instance = createMemscope();
    expect(window.__MEMSCOPE__!.capabilities.performanceMemory.state).toBe('coarse');
  });
});
