import * as v from 'valibot';
import { columnsMismatch } from './component-columns.js';
import { LIMITS } from './limits.js';

// valibot's object schemas copy only the keys they know, so a page-supplied `__proto__` or any
// extra key never reaches the receiver's objects.

const count = v.pipe(v.number(), v.finite(), v.minValue(0));
const time = count;
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const optionalCount = v.optional(count);

/**
 * An array of at most `max` items. The length is checked before any item is, so a huge forged
 * array costs one comparison, not a walk.
 */
function list<T extends v.GenericSchema>(item: T, max: number = LIMITS.items) {
  return v.pipe(v.array(v.unknown()), v.maxLength(max), v.array(item));
}

export const MemorySampleSchema = v.object({
  t: time,
  heapUsed: optionalCount,
  heapTotal: optionalCount,
  heapLimit: optionalCount,
  domNodes: optionalCount,
});

export const UaMemoryMeasurementSchema = v.object({
  t: time,
  bytes: count,
  breakdown: list(
    v.object({
      bytes: count,
      types: list(text(LIMITS.text), 8),
      attribution: list(
        v.object({
          url: v.optional(text(LIMITS.url)),
          scope: v.optional(text(LIMITS.text)),
          container: v.optional(v.object({ id: v.optional(text(LIMITS.text)), src: v.optional(text(LIMITS.url)) })),
        }),
        LIMITS.attribution,
      ),
    }),
    LIMITS.breakdown,
  ),
});

export const MarkerSchema = v.object({ t: time, label: text(LIMITS.label) });

const CapabilitySchema = v.object({
  state: v.picklist(['active', 'coarse', 'unavailable']),
  reason: text(LIMITS.text),
  fix: v.optional(text(LIMITS.text)),
});

export const CapabilitiesSchema = v.object({
  performanceMemory: CapabilitySchema,
  uaMemory: CapabilitySchema,
  domNodes: CapabilitySchema,
  react: CapabilitySchema,
});

/**
 * A column of at most `max` entries, each passing `isEntry`: checked in one loop rather than one schema
 * run per entry, since a batch can carry 5,000 rows several times a second (component-columns.ts). The
 * length is checked first, so a huge forged array costs one comparison. Copied, so nothing but the
 * entries (no extra keys on the array) reaches the receiver.
 */
const column = <T>(max: number, isEntry: (x: unknown) => x is T, expects: string) =>
  v.pipe(
    v.custom<T[]>((x) => Array.isArray(x) && x.length <= max && x.every(isEntry), `an array of at most ${max} ${expects}`),
    v.transform((x) => x.slice()),
  );
/** A column of numbers that pass `accept`. */
const numbers = (max: number, accept: (n: number) => boolean, expects: string) =>
  column(max, (x): x is number => typeof x === 'number' && accept(x), expects);
/** A column of strings, each at most `chars` long. */
const strings = (max: number, chars: number) =>
  column(max, (x): x is string => typeof x === 'string' && x.length <= chars, `strings of at most ${chars} characters`);
const isCount = (n: number) => Number.isFinite(n) && n >= 0;
const rowsMax = LIMITS.components;
const countColumn = numbers(rowsMax, isCount, 'non-negative numbers');

const ComponentColumnsSchema = v.pipe(
  v.object({
    // Ids index the panel's table: whole numbers below the SDK's limit on component types.
    id: numbers(rowsMax, (n) => Number.isInteger(n) && n >= 0 && n < LIMITS.components, `whole numbers below ${LIMITS.components}`),
    name: strings(rowsMax, LIMITS.text),
    renders: countColumn,
    mounts: countColumn,
    unmounts: countColumn,
    retained: countColumn,
    selfMs: countColumn,
    totalMs: countColumn,
    maxMs: countColumn,
    reasons: numbers(rowsMax * 4, isCount, 'non-negative numbers'),
    lastReasons: numbers(rowsMax, (n) => Number.isInteger(n) && n >= 0 && n < 32, 'reason bits (whole numbers below 32)'),
    propKeyCounts: numbers(rowsMax, (n) => Number.isInteger(n) && n >= 0 && n <= 8, 'key counts (whole numbers up to 8)'),
    propKeys: strings(rowsMax * 8, LIMITS.text),
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const mismatch = columnsMismatch(dataset.value);
    if (mismatch) addIssue({ message: `component columns disagree: ${mismatch}` });
  }),
);

const RenderWarningSchema = v.object({
  kind: v.picklist(['render-storm', 'slow-render']),
  component: text(LIMITS.text),
  value: count,
  count,
  lastAt: time,
  source: v.picklist(['auto', 'usePerformanceTracking']),
  message: text(LIMITS.text),
});

const ReactPayloadSchema = v.object({
  status: v.object({
    state: v.picklist(['active', 'no-react', 'late', 'not-installed', 'disabled']),
    renderers: list(
      v.object({ version: text(LIMITS.text), build: v.picklist(['development', 'production']), packageName: text(LIMITS.text) }),
      16,
    ),
    wrappedHook: v.boolean(),
    mode: v.picklist(['full', 'counts']),
    commits: count,
    hook: v.object({ commits: count, meanMs: count, p50Ms: count, p95Ms: count, maxMs: count }),
    retention: v.object({ supported: v.boolean(), gcCycles: count, watching: count, unwatched: count }),
  }),
  components: ComponentColumnsSchema,
  warnings: list(RenderWarningSchema, LIMITS.warnings),
});

const DropCountsSchema = v.object({ samples: count, uaMeasurements: count, markers: count, messages: count });

/** Payload schemas of the SDK's messages, keyed by kind. */
export const SdkPayloadSchemas = {
  'sdk/hello': v.object({
    sdkVersion: text(LIMITS.text),
    protocol: count,
    url: text(LIMITS.url),
    startedAt: time,
    sampleIntervalMs: count,
    capabilities: CapabilitiesSchema,
  }),
  'sdk/snapshot': v.object({
    startedAt: time,
    sampleIntervalMs: count,
    capabilities: CapabilitiesSchema,
    samples: list(MemorySampleSchema),
    uaMeasurements: list(UaMemoryMeasurementSchema),
    markers: list(MarkerSchema),
    totalSamples: count,
    dropped: DropCountsSchema,
    react: v.optional(ReactPayloadSchema),
  }),
  'sdk/batch': v.object({
    samples: list(MemorySampleSchema),
    uaMeasurements: list(UaMemoryMeasurementSchema),
    markers: list(MarkerSchema),
    totalSamples: count,
    capabilities: v.optional(CapabilitiesSchema),
    dropped: DropCountsSchema,
    react: v.optional(ReactPayloadSchema),
  }),
  'sdk/bye': v.object({ reason: v.picklist(['pagehide', 'stopped']) }),
} as const;
