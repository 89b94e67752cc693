/** Options of `createMemscope`. Every one is optional; out-of-range values throw at once. */
export interface MemscopeOptions {
  /** Milliseconds between memory samples. Default 2000; from 100 to 600000. */
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
}

/** {@link MemscopeOptions} with every default applied. */
export type ResolvedOptions = Required<MemscopeOptions>;

const RANGES = {
  sampleIntervalMs: [100, 600_000, 2000],
  uaMemoryIntervalMs: [1000, 86_400_000, 300_000],
  maxSamples: [10, 10_000, 600],
  maxUaMeasurements: [1, 10_000, 100],
  maxMarkers: [1, 10_000, 200],
  flushIntervalMs: [16, 5000, 250],
} as const satisfies Record<string, readonly [number, number, number]>;

const INTEGER_OPTIONS = new Set(['maxSamples', 'maxUaMeasurements', 'maxMarkers']);

/** Applies defaults and throws a `RangeError` naming the option, its value and its range when one is out of range. */
export function resolveOptions(options: MemscopeOptions = {}): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`memscope: createMemscope(options) takes an object, got ${String(options)}.`);
  }
  const resolved = { onError: () => {} } as unknown as Record<string, unknown>;
  for (const [name, [min, max, fallback]] of Object.entries(RANGES)) {
    const value = (options as Record<string, unknown>)[name];
    if (value === undefined) {
      resolved[name] = fallback;
      continue;
    }
    const integer = INTEGER_OPTIONS.has(name);
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
      throw new RangeError(
        `memscope: option ${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, got ${String(value)}. Leave it out for the default (${fallback}).`,
      );
    }
    resolved[name] = value;
  }
  if (options.onError !== undefined) {
    if (typeof options.onError !== 'function') {
      throw new TypeError(`memscope: option onError must be a function, got ${typeof options.onError}.`);
    }
    resolved.onError = options.onError;
  }
  return resolved as unknown as ResolvedOptions;
}
