/** Options of `createMemscope`. Every one is optional; out-of-range values throw at once. */
export interface MemscopeOptions {
  /**
   * Milliseconds between memory samples. Each is taken when the page is next idle, at most one interval
   * late, so sampling never lands inside a busy stretch. Default 2000; from 100 to 600000.
   */
  sampleIntervalMs?: number;
  /**
   * Mean milliseconds between `measureUserAgentSpecificMemory()` calls; the actual delays are
   * exponentially distributed, as the API's authors recommend. Default 300000 (5 minutes); from 1000 to 86400000.
   */
  uaMemoryIntervalMs?: number;
  /** Samples kept for a panel that opens late. Default 600; from 10 to 10000. */
  maxSamples?: number;
  /** User-agent memory measurements kept. Default 100; from 1 to 10000. */
  maxUaMeasurements?: number;
  /** Markers kept. Default 200; from 1 to 10000. */
  maxMarkers?: number;
  /** Longest delay before a batch of deltas goes to a subscribed panel. Default 250; from 16 to 5000. */
  flushIntervalMs?: number;
  /** Called with errors inside the SDK, which never throws into the app. Default: ignore them. */
  onError?: (error: unknown) => void;
  /**
   * React render instrumentation (needs `memscope/install` or the `memscope/vite` plugin before react-dom).
   * `false` turns it off; an object tunes it. Default: on, with the defaults below.
   */
  react?: boolean | ReactOptions;
}

/** Options of React render instrumentation. */
export interface ReactOptions {
  /** `full`: renders, mounts, reasons and timings. `counts`: renders, mounts and unmounts only. Default `full`. */
  mode?: 'full' | 'counts';
  /** Renders per second per instance above which a component is in a render storm. Default 20; from 1 to 10000. */
  stormRendersPerSecond?: number;
  /** A single render slower than this raises a warning (development and profiling builds). Default 16; from 1 to 10000. */
  slowRenderMs?: number;
  /** When the commit handler's p95 cost exceeds this, it drops to `counts` by itself. Default 4; from 0.05 to 1000. */
  maxHookMs?: number;
}

/** {@link MemscopeOptions} with every default applied. */
export type ResolvedOptions = Required<Omit<MemscopeOptions, 'react'>> & { react: false | Required<ReactOptions> };

const RANGES = {
  sampleIntervalMs: [100, 600_000, 2000],
  uaMemoryIntervalMs: [1000, 86_400_000, 300_000],
  maxSamples: [10, 10_000, 600],
  maxUaMeasurements: [1, 10_000, 100],
  maxMarkers: [1, 10_000, 200],
  flushIntervalMs: [16, 5000, 250],
} as const satisfies Record<string, readonly [number, number, number]>;

const INTEGER_OPTIONS = new Set(['maxSamples', 'maxUaMeasurements', 'maxMarkers']);

const REACT_RANGES = {
  stormRendersPerSecond: [1, 10_000, 20],
  slowRenderMs: [1, 10_000, 16],
  maxHookMs: [0.05, 1000, 4],
} as const satisfies Record<string, readonly [number, number, number]>;

function checkRange(name: string, value: unknown, [min, max, fallback]: readonly [number, number, number], integer = false): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new RangeError(
      `memscope: option ${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, got ${String(value)}. Leave it out for the default (${fallback}).`,
    );
  }
  return value;
}

function resolveReact(react: unknown): false | Required<ReactOptions> {
  if (react === false) return false;
  if (react !== undefined && react !== true && (typeof react !== 'object' || react === null)) {
    throw new TypeError(`memscope: option react must be true, false or an object, got ${String(react)}.`);
  }
  const given = (typeof react === 'object' ? react : {}) as Record<string, unknown>;
  const mode = given.mode ?? 'full';
  if (mode !== 'full' && mode !== 'counts') throw new RangeError(`memscope: option react.mode must be 'full' or 'counts', got ${String(mode)}.`);
  const out = { mode } as Required<ReactOptions>;
  for (const [name, range] of Object.entries(REACT_RANGES)) {
    (out as unknown as Record<string, number>)[name] = checkRange(`react.${name}`, given[name], range);
  }
  return out;
}

/** Applies defaults and throws a `RangeError` naming the option, its value and its range when one is out of range. */
export function resolveOptions(options: MemscopeOptions = {}): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`memscope: createMemscope(options) takes an object, got ${String(options)}.`);
  }
  const resolved = { onError: () => {} } as unknown as Record<string, unknown>;
  for (const [name, range] of Object.entries(RANGES)) {
    resolved[name] = checkRange(name, (options as Record<string, unknown>)[name], range, INTEGER_OPTIONS.has(name));
  }
  resolved.react = resolveReact(options.react);
  if (options.onError !== undefined) {
    if (typeof options.onError !== 'function') {
      throw new TypeError(`memscope: option onError must be a function, got ${typeof options.onError}.`);
    }
    resolved.onError = options.onError;
  }
  return resolved as unknown as ResolvedOptions;
}
