import type { Leak, LeakKind, LeakThresholds, MemorySeries } from './types.js';

/** The verdict on one series. */
export type Verdict = 'leak' | 'clean' | 'unsure';

/**
 * Judges one series of measurements (baseline first). A leak grows at every step after the first
 * (the first may hold a lazy one-time allocation) and on average by at least `threshold` per step. A
 * cache that fills and then holds has steps that stop growing; temporary garbage is gone after the
 * forced GC; a one-time allocation grows once. A series that mostly grows without growing at every
 * step is `unsure`: the caller runs more iterations before deciding.
 */
export function judgeSeries(values: number[], threshold: number): Verdict {
  if (values.length < 3) return 'unsure';
  const steps: number[] = [];
  for (let i = 2; i < values.length; i++) steps.push(values[i]! - values[i - 1]!);
  const average = (values[values.length - 1]! - values[1]!) / steps.length;
  if (average < threshold) return 'clean';
  const growing = steps.filter((d) => d > 0).length;
  if (growing === steps.length) return 'leak';
  // The later half must keep growing too, or it is a cache that filled up.
  const late = steps.slice(Math.floor(steps.length / 2));
  const lateAverage = late.reduce((a, b) => a + b, 0) / late.length;
  if (lateAverage < threshold) return 'clean';
  return growing / steps.length >= 0.75 ? 'unsure' : 'clean';
}

/** Growth per iteration: the least-squares slope of the series. */
export function slope(values: number[]): number {
  const n = values.length;
  if (n < 2) return 0;
  const meanX = (n - 1) / 2;
  const meanY = values.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (i - meanX) * (values[i]! - meanY);
    den += (i - meanX) ** 2;
  }
  return num / den;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

interface Candidate {
  kind: LeakKind;
  name: string;
  values: number[];
  threshold: number;
  unit: (n: number) => string;
  what: string;
}

/** Judges every series of a run: the leaks found, and whether any series needs more iterations. */
export function judgeAll(series: MemorySeries, thresholds: LeakThresholds): { leaks: Leak[]; unsure: string[] } {
  const count = (n: number) => `${Math.round(n).toLocaleString('en-US')}`;
  const candidates: Candidate[] = [
    { kind: 'dom-nodes', name: 'DOM nodes', values: series.domNodes, threshold: thresholds.domNodesPerIteration, unit: count,
      what: 'DOM nodes stay alive after the action: something keeps removed elements reachable (an array, a closure, a detached subtree)' },
    { kind: 'listeners', name: 'event listeners', values: series.listeners, threshold: thresholds.listenersPerIteration, unit: count,
      what: 'event listeners are added and never removed (removeEventListener, or an AbortSignal, in the cleanup)' },
    ...Object.entries(series.components).map(([name, values]) => ({
      kind: 'components' as const, name, values, threshold: thresholds.componentsPerIteration, unit: count,
      what: `${name} instances stay alive after unmount: a subscription, listener or timer started by it is never cleaned up`,
    })),
    { kind: 'heap', name: 'JS heap', values: series.jsHeapUsed, threshold: thresholds.heapBytesPerIteration, unit: kb,
      what: 'the JS heap keeps growing after garbage collection: a collection, cache or closure that only grows' },
  ];
  const leaks: Leak[] = [];
  const unsure: string[] = [];
  for (const c of candidates) {
    const verdict = judgeSeries(c.values, c.threshold);
    if (verdict === 'unsure') unsure.push(c.name);
    if (verdict !== 'leak') continue;
    const perIteration = slope(c.values.slice(1));
    const total = c.values[c.values.length - 1]! - c.values[0]!;
    leaks.push({
      kind: c.kind,
      name: c.name,
      perIteration,
      total,
      summary: `${c.name} grow by ${c.unit(perIteration)} per iteration (${c.unit(total)} over ${c.values.length - 1}): ${c.what}.`,
    });
  }
  // A heap leak alongside a more specific one is usually the same leak: name the specific one first.
  leaks.sort((a, b) => Number(a.kind === 'heap') - Number(b.kind === 'heap'));
  return { leaks, unsure };
}
