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
  }),
  'sdk/batch': v.object({
    samples: list(MemorySampleSchema),
    uaMeasurements: list(UaMemoryMeasurementSchema),
    markers: list(MarkerSchema),
    totalSamples: count,
    capabilities: v.optional(CapabilitiesSchema),
    dropped: DropCountsSchema,
  }),
  'sdk/bye': v.object({ reason: v.picklist(['pagehide', 'stopped']) }),
} as const;
