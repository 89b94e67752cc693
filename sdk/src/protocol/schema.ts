import * as v from 'valibot';
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

const ComponentStatSchema = v.object({
  id: count,
  name: text(LIMITS.text),
  renders: count,
  mounts: count,
  unmounts: count,
  live: v.pipe(v.number(), v.finite()),
  retained: count,
  selfMs: count,
  totalMs: count,
  maxMs: count,
  reasons: v.object({ props: count, state: count, context: count, parent: count }),
  lastReasons: list(v.picklist(['mount', 'props', 'state', 'context', 'parent']), 5),
  lastPropKeys: list(text(LIMITS.text), 8),
});

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
  components: list(ComponentStatSchema, LIMITS.components),
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
