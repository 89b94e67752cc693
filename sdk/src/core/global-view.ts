import type { Capabilities, ComponentStat, DropCounts, Marker, MemorySample, ReactStatus, RenderWarning, UaMemoryMeasurement } from '../protocol/index.js';
import { PROTOCOL_VERSION } from '../protocol/index.js';
import { SDK_VERSION } from '../version.js';
import type { Engine } from './engine.js';

/**
 * The read-only view of the running SDK at `window.__MEMSCOPE__`, for tests and the console.
 * Every property is a getter that returns a fresh copy: changing what it returns changes nothing.
 */
export interface MemscopeView {
  readonly version: string;
  readonly protocol: number;
  /** Current session id. */
  readonly sid: string;
  /** Last sequence number used on the data stream. */
  readonly seq: number;
  readonly startedAt: number;
  /** Whether the SDK is sampling (false after `stop()`). */
  readonly running: boolean;
  /** Whether a panel is subscribed and receiving deltas. */
  readonly subscribed: boolean;
  readonly capabilities: Capabilities;
  /** Samples held in the ring buffer, oldest first. */
  readonly samples: MemorySample[];
  /** The newest sample. */
  readonly lastSample: MemorySample | undefined;
  /** Samples taken since start, including those dropped from the buffer. */
  readonly totalSamples: number;
  readonly uaMeasurements: UaMemoryMeasurement[];
  readonly markers: Marker[];
  readonly dropped: DropCounts;
  /** What sampling has cost so far: count, mean and worst milliseconds per sample. */
  readonly cost: { samples: number; meanMs: number; maxMs: number };
  /** Internal errors caught (and kept away from the app). */
  readonly errors: number;
  /**
   * React render statistics, when instrumentation is on: status, every component, warnings. Reading it
   * re-checks retention; each of its three properties is built when read, so a test that polls
   * `react.status` does not pay for a copy of every component row (5,000 objects on the demo's
   * largest screen).
   */
  readonly react: ReactView | undefined;
}

/** `window.__MEMSCOPE__.react`: each property a fresh copy, built when read. */
export interface ReactView {
  readonly status: ReactStatus;
  readonly components: ComponentStat[];
  readonly warnings: RenderWarning[];
}

declare global {
  interface Window {
    /** The running Memscope SDK's state, read-only. See `MemscopeView`. */
    __MEMSCOPE__?: MemscopeView;
  }
}

const copy = <T>(value: T): T => structuredClone(value);

/**
 * The object behind `window.__MEMSCOPE__`. A class of its own, so that heap analysis can tell this
 * instrument from the page's objects (it filters paths through a `MemscopeView` as artefacts).
 */
class MemscopeViewImpl implements MemscopeView {
  readonly version = SDK_VERSION;
  readonly protocol = PROTOCOL_VERSION;
  readonly #engine: Engine;
  constructor(engine: Engine) {
    this.#engine = engine;
  }
  get sid() { return this.#engine.sid; }
  get seq() { return this.#engine.seq; }
  get startedAt() { return this.#engine.startedAt; }
  get running() { return this.#engine.running; }
  get subscribed() { return this.#engine.subscribed; }
  get capabilities() { return copy(this.#engine.capabilities); }
  get samples() { return this.#engine.samples.toArray().map((s) => ({ ...s })); }
  get lastSample() { const s = this.#engine.samples.last(); return s && { ...s }; }
  get totalSamples() { return this.#engine.samples.pushed; }
  get uaMeasurements() { return copy(this.#engine.uaMeasurements.toArray()); }
  get markers() { return this.#engine.markers.toArray().map((m) => ({ ...m })); }
  get dropped() { return this.#engine.dropped(); }
  get cost() {
    const { samples, totalMs, maxMs } = this.#engine.cost;
    return { samples, meanMs: samples ? totalMs / samples : 0, maxMs };
  }
  get errors() { return this.#engine.errors; }
  get react() {
    const r = this.#engine.react;
    if (!r) return undefined;
    // Reading is when a test wants the truth: judge what garbage collection has settled since the last tick.
    r.checkRetention();
    // Own, enumerable getters (not a class's): Playwright's page.evaluate, structuredClone and JSON
    // copy them by value, as they copied the plain object this used to be.
    return Object.freeze({
      get status() { return r.status(); },
      get components() { return r.components(); },
      get warnings() { return r.warnings.list(); },
    });
  }
}
Object.defineProperty(MemscopeViewImpl, 'name', { value: 'MemscopeView' });

/** Installs `window.__MEMSCOPE__` for `engine`; returns a function that removes it. */
export function installGlobalView(engine: Engine): () => void {
  const view: MemscopeView = Object.freeze(new MemscopeViewImpl(engine));
  Object.defineProperty(window, '__MEMSCOPE__', { value: view, configurable: true, enumerable: false, writable: false });
  return () => {
    if (window.__MEMSCOPE__ === view) delete window.__MEMSCOPE__;
  };
}
