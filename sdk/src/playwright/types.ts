/** What one measurement after forced garbage collection finds in the page. */
export interface MemoryMeasurement {
  /** JS heap in use (bytes), after the heap settled. */
  jsHeapUsed: number;
  jsHeapTotal: number;
  /** DOM nodes alive, attached or not (`Memory.getDOMCounters`). */
  domNodes: number;
  /** Event listeners registered from JavaScript. */
  listeners: number;
  /** Documents alive (a leaked iframe shows here). */
  documents: number;
  /** The in-page SDK's view, when the page embeds Memscope. */
  sdk?: { components: { name: string; live: number; retained: number }[] };
}

/** A kind of leak. */
export type LeakKind = 'detached-dom' | 'dom-nodes' | 'listeners' | 'objects' | 'collection' | 'components' | 'heap';

/** Something that grew at every iteration. */
export interface Leak {
  kind: LeakKind;
  /** What leaked: a component name, or the counter that grew. */
  name: string;
  /** Growth per iteration (bytes for the heap, a count otherwise). */
  perIteration: number;
  /** Growth from the baseline to the last iteration. */
  total: number;
  retainedBytes?: number;
  /** Reference chains that keep a sample of it alive, when a heap snapshot named them. */
  retainers?: string[];
  /** The finding in one sentence. */
  summary: string;
}

/** The series a report carries, one value per measurement (baseline first). */
export interface MemorySeries {
  jsHeapUsed: number[];
  domNodes: number[];
  listeners: number[];
  documents: number[];
  /** Live plus retained instances per component, when the SDK is on the page. */
  components: Record<string, number[]>;
}

/** What `memory.repeat` found. */
export interface MemoryReport {
  passed: boolean;
  /** Iterations measured (more than asked when the first ones were not conclusive). */
  iterations: number;
  warmups: number;
  series: MemorySeries;
  leaks: Leak[];
  /** Judgements that needed more iterations, and why. */
  notes: string[];
  durationMs: number;
  /** What this browser could and could not measure. */
  measured: string[];
}

/** Thresholds that separate a leak from noise, per iteration. */
export interface LeakThresholds {
  /** JS heap growth per iteration below which the heap is not called leaking. Default 64 KB. */
  heapBytesPerIteration: number;
  /** Default 1. */
  domNodesPerIteration: number;
  /** Default 1. */
  listenersPerIteration: number;
  /** Default 1. */
  componentsPerIteration: number;
}

export const DEFAULT_THRESHOLDS: LeakThresholds = {
  heapBytesPerIteration: 64 * 1024,
  domNodesPerIteration: 1,
  listenersPerIteration: 1,
  componentsPerIteration: 1,
};
