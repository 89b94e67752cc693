/** One reading of the page's memory, taken every `sampleIntervalMs`. */
export interface MemorySample {
  /** Wall-clock time of the reading, in milliseconds since the Unix epoch. */
  t: number;
  /** `performance.memory.usedJSHeapSize`, when the browser has it. */
  heapUsed?: number;
  /** `performance.memory.totalJSHeapSize`. */
  heapTotal?: number;
  /** `performance.memory.jsHeapSizeLimit`. */
  heapLimit?: number;
  /** Elements in the document (`document.getElementsByTagName('*').length`). */
  domNodes?: number;
}

/** One entry of a `measureUserAgentSpecificMemory()` breakdown. */
export interface UaMemoryBreakdown {
  bytes: number;
  /** Memory types, e.g. `JavaScript`, `DOM`, `Shared`. */
  types: string[];
  /** Where the memory is attributed: a window, a worker, an iframe. */
  attribution: { url?: string; scope?: string; container?: { id?: string; src?: string } }[];
}

/** A result of `performance.measureUserAgentSpecificMemory()`. */
export interface UaMemoryMeasurement {
  /** Time the measurement resolved, in milliseconds since the Unix epoch. */
  t: number;
  /** Total bytes used by the page as the user agent counts it. */
  bytes: number;
  breakdown: UaMemoryBreakdown[];
}

/** A named point on the timeline, set by `memscope.mark(label)`. */
export interface Marker {
  t: number;
  label: string;
}

/** How well one memory source works on this page. */
export type CapabilityState = 'active' | 'coarse' | 'unavailable';

/** One memory source, and why it is or is not giving full data. */
export interface Capability {
  state: CapabilityState;
  /** Plain words: what the source gives here and why. */
  reason: string;
  /** What the user can change to get better data, when there is something to change. */
  fix?: string;
}

/** Every memory source the SDK knows, keyed by name. */
export interface Capabilities {
  performanceMemory: Capability;
  uaMemory: Capability;
  domNodes: Capability;
}

/** How much the SDK's bounded buffers have discarded, by buffer. */
export interface DropCounts {
  samples: number;
  uaMeasurements: number;
  markers: number;
  /** Envelopes that could not be posted (e.g. `postMessage` threw). */
  messages: number;
}
