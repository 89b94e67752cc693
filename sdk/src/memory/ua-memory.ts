import type { Capability, UaMemoryBreakdown, UaMemoryMeasurement } from '../protocol/index.js';
import { LIMITS } from '../protocol/index.js';
import { truncate } from '../lib/safe.js';

interface RawBreakdown {
  bytes: number;
  types?: string[];
  attribution?: { url?: string; scope?: string; container?: { id?: string; src?: string } }[];
}
interface RawMeasurement {
  bytes: number;
  breakdown?: RawBreakdown[];
}
type Measure = () => Promise<RawMeasurement>;

function getMeasure(): Measure | undefined {
  const perf = globalThis.performance as { measureUserAgentSpecificMemory?: Measure } | undefined;
  if (typeof perf?.measureUserAgentSpecificMemory !== 'function') return undefined;
  // The API only works in cross-origin isolated pages; elsewhere it exists but rejects.
  if (!(globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated) return undefined;
  return () => perf.measureUserAgentSpecificMemory!();
}

/**
 * An interval drawn from an exponential distribution with the given mean. The API's authors ask for
 * measurements at random (Poisson) times so that results are not biased by the app's own rhythm:
 * https://web.dev/articles/monitor-total-page-memory-usage#example
 */
export function exponentialDelay(meanMs: number, random: () => number = Math.random): number {
  // 1 - random() is in (0, 1], so the log is finite.
  return -Math.log(1 - random()) * meanMs;
}

/** Copies a measurement into our own bounded shape; the browser's object is not kept. */
export function toMeasurement(raw: RawMeasurement, t: number): UaMemoryMeasurement {
  const breakdown: UaMemoryBreakdown[] = (raw.breakdown ?? []).slice(0, LIMITS.breakdown).map((entry) => ({
    bytes: entry.bytes,
    types: (entry.types ?? []).slice(0, 8).map((type) => truncate(String(type), LIMITS.text)),
    attribution: (entry.attribution ?? []).slice(0, LIMITS.attribution).map((a) => ({
      ...(a.url !== undefined && { url: truncate(a.url, LIMITS.url) }),
      ...(a.scope !== undefined && { scope: truncate(a.scope, LIMITS.text) }),
      ...(a.container !== undefined && {
        container: {
          ...(a.container.id !== undefined && { id: truncate(a.container.id, LIMITS.text) }),
          ...(a.container.src !== undefined && { src: truncate(a.container.src, LIMITS.url) }),
        },
      }),
    })),
  }));
  return { t, bytes: raw.bytes, breakdown };
}

/** Mean delay before the first measurement. */
export const FIRST_MEASUREMENT_MEAN_MS = 2000;

/** Options of {@link scheduleUaMemory}. */
export interface UaMemoryScheduleOptions {
  /** Mean of the exponentially distributed delay between measurements. */
  meanIntervalMs: number;
  /** Called with each measurement. */
  onMeasurement: (measurement: UaMemoryMeasurement) => void;
  /** Called when a measurement fails; scheduling goes on. */
  onError: (error: unknown) => void;
  /** Source of randomness (tests pass a fixed one). */
  random?: () => number;
}

/**
 * Runs `measureUserAgentSpecificMemory()` at random intervals, one at a time (a measurement can take
 * until the next garbage collection to resolve), and returns a function that stops it.
 */
export function scheduleUaMemory(options: UaMemoryScheduleOptions): () => void {
  const measure = getMeasure();
  if (!measure) return () => {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  // The first measurement comes within seconds so a panel has a figure early; later ones follow the
  // random schedule. Each one can take until the next garbage collection to resolve.
  let mean = Math.min(options.meanIntervalMs, FIRST_MEASUREMENT_MEAN_MS);
  const next = () => {
    if (stopped) return;
    timer = setTimeout(run, exponentialDelay(mean, options.random));
    mean = options.meanIntervalMs;
  };
  const run = () => {
    timer = undefined;
    measure().then(
      (raw) => {
        if (!stopped) options.onMeasurement(toMeasurement(raw, Date.now()));
      },
      options.onError,
    ).finally(next);
  };
  next();
  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
  };
}

/** What `measureUserAgentSpecificMemory` gives on this page, and how to enable it. */
export function uaMemoryCapability(): Capability {
  if (getMeasure()) {
    return {
      state: 'active',
      reason: "measureUserAgentSpecificMemory gives the page's total memory with a breakdown, at random intervals.",
    };
  }
  // Chromium only exposes the API in cross-origin isolated pages, so a missing isolation is the
  // usual reason, even where the function itself is not defined.
  if (!(globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated) {
    return {
      state: 'unavailable',
      reason: 'The page is not cross-origin isolated, so measureUserAgentSpecificMemory is off.',
      fix: 'Serve the page with "Cross-Origin-Opener-Policy: same-origin" and "Cross-Origin-Embedder-Policy: require-corp" (or credentialless).',
    };
  }
  return { state: 'unavailable', reason: 'This browser has no measureUserAgentSpecificMemory.', fix: 'Use Chromium 89 or later.' };
}
