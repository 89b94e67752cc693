import type { ComponentColumns } from './component-columns.js';

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
  /** Elements in the document (`document.querySelectorAll('*').length`). */
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
  /** React render instrumentation. */
  react: Capability;
}

/** How much the SDK's bounded buffers have discarded, by buffer. */
export interface DropCounts {
  samples: number;
  uaMeasurements: number;
  markers: number;
  /** Envelopes that could not be posted (e.g. `postMessage` threw). */
  messages: number;
}

/** Why a component rendered. */
export type RenderReason = 'mount' | 'props' | 'state' | 'context' | 'parent';

/** Render statistics of one component type. */
export interface ComponentStat {
  /** Stable within a session. */
  id: number;
  name: string;
  renders: number;
  mounts: number;
  unmounts: number;
  /** Instances mounted now. */
  live: number;
  /** Unmounted instances still kept alive by the app after two garbage collections. */
  retained: number;
  /** Render time without children, summed (development and profiling builds; 0 elsewhere). */
  selfMs: number;
  /** Render time with children, summed. */
  totalMs: number;
  /** Slowest single render, with children. */
  maxMs: number;
  /**
   * Renders by reason (several can apply to one render), sampled: at most REASON_SAMPLES_PER_COMMIT (8)
   * renders of a component type are examined per commit, since a list's rows re-render for the same
   * reason, and a commit that would need more than 1,000 examinations (over 1,000 distinct types
   * re-rendering, say) examines about 1,000, each type in turn.
   */
  reasons: { props: number; state: number; context: number; parent: number };
  /**
   * The reasons of the last examined render: the last render itself unless a large commit left this
   * type for a later one (see `reasons`). Empty when it has rendered again since it mounted but none of
   * those renders was examined yet, when it has not rendered since the counters were reset (or since
   * Memscope attached, for a component mounted before: `renders` is 0), or in counts-only mode.
   */
  lastReasons: RenderReason[];
  /** Prop keys that changed in the last props-caused render. */
  lastPropKeys: string[];
}

/** A render problem the SDK noticed. */
export interface RenderWarning {
  kind: 'render-storm' | 'slow-render';
  component: string;
  /** Renders per second per instance (storm), or milliseconds (slow render). */
  value: number;
  /** Times it was raised. */
  count: number;
  lastAt: number;
  /** `auto` for the SDK's own detection, or the hook that raised it. */
  source: 'auto' | 'usePerformanceTracking';
  message: string;
}

/** A React renderer on the page. */
export interface ReactRendererSummary {
  version: string;
  build: 'development' | 'production';
  packageName: string;
}

/** The state of React instrumentation. */
export interface ReactStatus {
  /**
   * `active`: commits are being counted. `no-react`: the hook is installed and no React has loaded yet.
   * `late`: React loaded before the hook, so commits cannot be seen. `not-installed`: memscope/install
   * did not run. `disabled`: turned off by the `react: false` option.
   */
  state: 'active' | 'no-react' | 'late' | 'not-installed' | 'disabled';
  renderers: ReactRendererSummary[];
  /** A hook from React DevTools or react-refresh was there first and is wrapped, not replaced. */
  wrappedHook: boolean;
  /** `counts` when reasons and timings are off (by option, or because the walk cost too much). */
  mode: 'full' | 'counts';
  commits: number;
  /** What our own commit handler costs, over the recent commits. */
  hook: { commits: number; meanMs: number; p50Ms: number; p95Ms: number; maxMs: number };
  retention: { supported: boolean; gcCycles: number; watching: number; unwatched: number };
}

/** React data in a snapshot (every component) or a batch (only the changed ones). */
export interface ReactPayload {
  status: ReactStatus;
  /** As columns on the wire (component-columns.ts); `componentsFromColumns` turns them into `ComponentStat`s. */
  components: ComponentColumns;
  /** Every current warning (a short, bounded list). */
  warnings: RenderWarning[];
}
