import { useLayoutEffect, useRef } from 'react';
import { currentTracker } from '../../react/tracker.js';

/** Options of {@link usePerformanceTracking}. */
export interface PerformanceTrackingOptions {
  /** A render (and its commit) slower than this raises a slow-render warning. Default 16 ms. */
  slowRenderMs?: number;
  /** More renders than this within one second raise a render-storm warning. Default 30. */
  maxRendersPerSecond?: number;
}

const warned = new Set<string>();

function limit(name: string, option: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  // A hook must not throw into a render; say it once and use the default.
  if (!warned.has(`${name}:${option}`)) {
    warned.add(`${name}:${option}`);
    console.warn(`memscope: usePerformanceTracking('${name}') option ${option} must be a positive number, got ${String(value)}; using ${fallback}.`);
  }
  return fallback;
}

/**
 * Watches the calling component's renders and raises warnings into Memscope (shown in the Memory
 * panel's Components view): `slow-render` when the time from this hook's call to the commit's layout
 * effects exceeds `slowRenderMs` (it covers this component's subtree and the commit), and
 * `render-storm` when it renders more than `maxRendersPerSecond` times within a second.
 * Does nothing when Memscope is not running.
 *
 * @example
 * function ProductList() {
 *   usePerformanceTracking('ProductList', { slowRenderMs: 8 });
 *   ...
 * }
 */
export function usePerformanceTracking(name: string, options: PerformanceTrackingOptions = {}): void {
  const start = performance.now();
  const slowRenderMs = limit(name, 'slowRenderMs', options.slowRenderMs, 16);
  const maxRendersPerSecond = limit(name, 'maxRendersPerSecond', options.maxRendersPerSecond, 30);
  // Render times of the last second, oldest first; bounded by the budget it checks.
  const recent = useRef<number[]>([]);
  useLayoutEffect(() => {
    const tracker = currentTracker();
    if (!tracker) return;
    try {
      const now = performance.now();
      const times = recent.current;
      times.push(now);
      while (times.length > 0 && (now - times[0]! > 1000 || times.length > maxRendersPerSecond + 1)) times.shift();
      tracker.trackedRender(String(name), now - start, times.length, { slowRenderMs, maxRendersPerSecond });
    } catch {
      // Never let instrumentation break the component.
    }
  });
}
