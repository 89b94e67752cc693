import type { Capability, ComponentStat, ReactPayload, ReactStatus } from '../protocol/types.js';
import { LIMITS } from '../protocol/limits.js';
import { componentsFromColumns, emptyColumns, REASON_BITS } from '../protocol/component-columns.js';
import type { ComponentColumns } from '../protocol/component-columns.js';
import { ComponentTable, PROP_KEYS, REASON_CONTEXT, REASON_PARENT, REASON_PROPS, REASON_STATE } from './component-table.js';
import type { FiberRoot } from './fiber.js';
import type { CommitListener, MemscopeReactHookState } from './hook-state.js';
import { Retention } from './retention.js';
import { CommitWalker } from './walker.js';
import { Warnings } from './warnings.js';

/** Options of React instrumentation. */
export interface ReactTrackingOptions {
  /** `full` (reasons and timings) or `counts` (renders, mounts and unmounts only). */
  mode: 'full' | 'counts';
  /** A component type re-rendering more often than this per instance per second is a render storm. */
  stormRendersPerSecond: number;
  /** A single render slower than this (development and profiling builds) raises a warning. */
  slowRenderMs: number;
  /** When the commit handler's p95 exceeds this, drop to `counts` by itself. */
  maxHookMs: number;
}

/** Commits in the window of our own cost measurement. */
const COST_WINDOW = 256;

let current: ReactTracker | undefined;

/** The running tracker, for `memscope/react`'s hooks. */
export function currentTracker(): ReactTracker | undefined {
  return current;
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

const isReactContainer = (el: Element) => Object.keys(el).some((key) => key.startsWith('__reactContainer$'));

/**
 * True when a React root is mounted on the body or one of its children (checked when our hook has seen
 * no renderer). Walks siblings rather than `body.children`: that is a live collection, which Blink
 * keeps cached on the body until a major GC and which makes every later child-list change in the page
 * invalidate node-list caches up its ancestors (see memory/dom-nodes.ts).
 */
export function reactLoadedBeforeHook(): boolean {
  const body = typeof document === 'undefined' ? null : document.body;
  if (body === null) return false;
  if (isReactContainer(body)) return true;
  for (let el = body.firstElementChild; el !== null; el = el.nextElementSibling) if (isReactContainer(el)) return true;
  return false;
}

/**
 * React render instrumentation: listens to commits through the installer's hook, keeps the component
 * table, watches unmounted components for retention, raises warnings, and measures its own cost.
 */
export class ReactTracker {
  readonly table = new ComponentTable();
  readonly warnings = new Warnings();
  readonly walker: CommitWalker;
  readonly #state: MemscopeReactHookState;
  readonly #listener: CommitListener;
  readonly #costs = new Float64Array(COST_WINDOW);
  #costCount = 0;
  #costMax = 0;
  #costTotal = 0;
  #autoCounts = false;
  #prevRenders = new Float64Array(64);
  /** Per-instance render rates of the last storm check, reused. */
  #stormRates = new Float64Array(64);
  /** Scratch space for sorting those rates. */
  #sortedRates = new Float64Array(0);
  #lastTick = performance.now();
  #lastEpoch = 0;
  #late = false;
  /** Set when something a panel shows has changed. */
  dirty = false;
  /** `performance.now()` at the start of the last commit seen, -Infinity before the first. */
  lastCommitAt = -Infinity;

  constructor(
    state: MemscopeReactHookState,
    readonly options: ReactTrackingOptions,
    readonly onChange: () => void,
    /** Given by tests; the default watches with a detached-element control (retention.ts). */
    readonly retention: Retention = new Retention(),
  ) {
    this.#state = state;
    this.walker = new CommitWalker(this.table, {
      deleting: (root) => this.retention.deleting(root),
      deleted: () => this.retention.deleted(),
      unmounted: (fiber, row) => this.retention.watch(fiber, row),
      slow: (row, ms) => this.warnings.raise('slow-render', this.table.name(row), ms, 'auto', options.slowRenderMs),
    });
    this.walker.mode = options.mode;
    this.walker.slowRenderMs = options.slowRenderMs;
    this.#listener = { commit: (_id, root) => this.#commit(root as FiberRoot) };
    for (const root of state.roots) this.walker.countMounted(root as FiberRoot);
    state.listeners.add(this.#listener);
    current = this;
  }

  /**
   * Whether a panel is subscribed: only then are changed rows remembered for deltas. Starting clears
   * what was remembered, as the subscriber gets a full snapshot first.
   */
  observe(on: boolean): void {
    this.table.tracking = on;
    if (on) this.table.takeDirty();
  }

  /** Stops listening to commits. */
  detach(): void {
    this.#state.listeners.delete(this.#listener);
    // No tick names them after this: named now, their types are let go.
    this.table.resolveNames();
    if (current === this) current = undefined;
  }

  #commit(root: FiberRoot): void {
    const start = performance.now();
    this.lastCommitAt = start;
    this.walker.walk(root);
    const spent = performance.now() - start;
    this.#costs[this.#costCount % COST_WINDOW] = spent;
    this.#costCount++;
    this.#costTotal += spent;
    if (spent > this.#costMax) this.#costMax = spent;
    this.dirty = true;
    this.onChange();
  }

  /** Periodic work, off the commit path: retention checks, storm detection, self-metering. */
  tick(): void {
    const now = performance.now();
    const seconds = (now - this.#lastTick) / 1000;
    this.#lastTick = now;
    const t = this.table;
    t.resolveNames();
    if (this.#prevRenders.length < t.capacity) {
      const grown = new Float64Array(t.capacity);
      grown.set(this.#prevRenders);
      this.#prevRenders = grown;
    }
    if (seconds > 0.2) {
      this.#detectStorms(seconds);
      this.#prevRenders.set(t.renders.subarray(0, t.size));
    }
    if (this.retention.epoch !== this.#lastEpoch || this.retention.pending > 0) this.checkRetention();
    this.#degradeIfExpensive();
    const late = this.#state.renderers.size === 0 && reactLoadedBeforeHook();
    if (late !== this.#late) ((this.#late = late), (this.dirty = true));
    if (this.warnings.changed) this.dirty = true;
    if (this.dirty) this.onChange();
  }

  /**
   * Raises a render-storm warning for each component type re-rendering faster than the budget per
   * instance. When more types storm than warnings are kept (a screen of 5,000 components re-rendering
   * together), only the fastest are raised: raising all would churn the bounded list every tick.
   */
  #detectStorms(seconds: number): void {
    const t = this.table;
    const budget = this.options.stormRendersPerSecond;
    if (this.#stormRates.length < t.size) this.#stormRates = new Float64Array(t.capacity);
    const rates = this.#stormRates;
    let storming = 0;
    for (let i = 0; i < t.size; i++) {
      const delta = t.renders[i]! - this.#prevRenders[i]!;
      const rate = delta <= 0 ? 0 : delta / seconds / Math.max(t.mounts[i]! - t.unmounts[i]!, 1);
      rates[i] = rate;
      if (rate > budget) storming++;
    }
    if (storming === 0) return;
    // The slowest rate still raised: the LIMITS.warnings-th fastest when there are more than that.
    let cutoff = budget;
    let slots = LIMITS.warnings;
    if (storming > LIMITS.warnings) {
      // Sorted in a scratch array kept between ticks: a copy per tick was the SDK's largest
      // allocation in the demo (a sampling heap profile), with 5,000 types storming.
      if (this.#sortedRates.length < t.size) this.#sortedRates = new Float64Array(t.capacity);
      const sorted = this.#sortedRates.subarray(0, t.size);
      sorted.set(rates.subarray(0, t.size));
      sorted.sort();
      cutoff = Math.max(budget, sorted[t.size - LIMITS.warnings]!);
    }
    for (let i = 0; i < t.size && slots > 0; i++) {
      const rate = rates[i]!;
      if (rate > budget && rate >= cutoff) {
        slots--;
        this.warnings.raise('render-storm', t.name(i), rate, 'auto', budget, Math.max(t.mounts[i]! - t.unmounts[i]!, 1));
      }
    }
  }

  /** Judges the unmounted components watched so far (cheap; also run when a test reads the state). */
  checkRetention(): void {
    const watching = this.retention.pending;
    // While components wait to be judged, the panel shows how many and the collections seen: both
    // change here even when nothing turns out retained.
    if (watching > 0 && this.retention.epoch !== this.#lastEpoch) this.dirty = true;
    this.#lastEpoch = this.retention.epoch;
    this.retention.check((row, delta) => {
      this.table.retained[row]! += delta;
      this.table.touch(row);
      this.dirty = true;
    });
    if (this.retention.pending !== watching) this.dirty = true;
  }

  #degradeIfExpensive(): void {
    if (this.#autoCounts || this.walker.mode === 'counts' || this.#costCount < COST_WINDOW) return;
    if (this.#hookCost().p95Ms > this.options.maxHookMs) {
      // Reasons and timings are the expensive part; counts keep working at a fraction of the cost.
      this.#autoCounts = true;
      this.walker.mode = 'counts';
      this.dirty = true;
    }
  }

  #hookCost(): ReactStatus['hook'] {
    const n = Math.min(this.#costCount, COST_WINDOW);
    const sorted = this.#costs.slice(0, n).sort();
    return {
      commits: this.#costCount,
      meanMs: this.#costCount ? this.#costTotal / this.#costCount : 0,
      p50Ms: percentile(sorted, 0.5),
      p95Ms: percentile(sorted, 0.95),
      maxMs: this.#costMax,
    };
  }

  /** Whether renders are visible, and what to do when they are not. */
  status(): ReactStatus {
    const renderers = [...this.#state.renderers.values()].map((r) => ({
      version: String(r.version ?? r.reconcilerVersion ?? 'unknown'),
      build: r.bundleType === 1 ? ('development' as const) : ('production' as const),
      packageName: String(r.rendererPackageName ?? 'react-dom'),
    }));
    return {
      state: renderers.length > 0 ? 'active' : this.#late ? 'late' : 'no-react',
      renderers,
      wrappedHook: this.#state.wrapped,
      mode: this.walker.mode,
      commits: this.#state.commits,
      hook: this.#hookCost(),
      retention: { supported: this.retention.supported, gcCycles: this.retention.epoch, watching: this.retention.pending, unwatched: this.retention.unwatched },
    };
  }

  /**
   * One component row as an object, as `window.__MEMSCOPE__.react` gives it to tests: read through the
   * same columns the panel gets, so both always agree.
   */
  component(i: number): ComponentStat {
    return componentsFromColumns(this.#columns([i]))[0]!;
  }

  /**
   * Every component (for a snapshot), or those changed since the last call (for a batch), as columns
   * (protocol/component-columns.ts says why), read straight from the table without an object a row.
   */
  payload(full: boolean): ReactPayload {
    const dirty = this.table.takeDirty();
    const components = this.#columns(full ? undefined : dirty);
    this.warnings.changed = false;
    this.dirty = false;
    return { status: this.status(), components, warnings: this.warnings.list() };
  }

  /** The given rows of the table (every row when undefined) as columns. */
  #columns(rows?: readonly number[]): ComponentColumns {
    const t = this.table;
    const c = emptyColumns();
    const count = rows === undefined ? t.size : rows.length;
    for (let k = 0; k < count; k++) {
      const i = rows === undefined ? k : rows[k]!;
      c.id.push(i);
      c.name.push(t.name(i));
      c.renders.push(t.renders[i]!);
      c.mounts.push(t.mounts[i]!);
      c.unmounts.push(t.unmounts[i]!);
      c.retained.push(t.retained[i]!);
      c.selfMs.push(t.selfMs[i]!);
      c.totalMs.push(t.totalMs[i]!);
      c.maxMs.push(t.maxMs[i]!);
      c.reasons.push(t.reasonCounts[i * 4]!, t.reasonCounts[i * 4 + 1]!, t.reasonCounts[i * 4 + 2]!, t.reasonCounts[i * 4 + 3]!);
      const bits = this.#lastReasonBits(i);
      c.lastReasons.push(bits);
      let keys = 0;
      if (bits & REASON_BITS.props) {
        for (let slot = 0; slot < PROP_KEYS; slot++) {
          const key = t.lastPropKeys[i * PROP_KEYS + slot];
          if (key !== undefined) (c.propKeys.push(key), keys++);
        }
      }
      c.propKeyCounts.push(keys);
    }
    return c;
  }

  /** Every component as objects (for `window.__MEMSCOPE__.react`). */
  components(): ComponentStat[] {
    return componentsFromColumns(this.#columns());
  }

  /** The reasons of row `i`'s last examined render, as the protocol's `REASON_BITS`. */
  #lastReasonBits(i: number): number {
    const bits = this.table.lastReasons[i]!;
    // Counts-only mode examines nothing, so it cannot tell a mount from a later render: it claims neither.
    // Nor does a row with no render counted (since a reset, or mounted before Memscope attached): its
    // zeroed bits say nothing about a render it has not had.
    let out = bits === 0 && this.walker.mode === 'full' && this.table.renders[i]! > 0 ? REASON_BITS.mount : 0;
    if (bits & REASON_PROPS) out |= REASON_BITS.props;
    if (bits & REASON_STATE) out |= REASON_BITS.state;
    if (bits & REASON_CONTEXT) out |= REASON_BITS.context;
    if (bits & REASON_PARENT) out |= REASON_BITS.parent;
    return out;
  }

  /** Zeroes render counters and warnings; live and retained instances stay. */
  reset(): void {
    this.table.resetCounters();
    this.#prevRenders.fill(0);
    this.warnings.clear();
    this.#costs.fill(0);
    this.#costCount = 0;
    this.#costMax = 0;
    this.#costTotal = 0;
    this.dirty = true;
    this.onChange();
  }

  /** For `usePerformanceTracking`: a tracked component rendered, taking `ms`. */
  trackedRender(name: string, ms: number, rendersInLastSecond: number, limits: { slowRenderMs: number; maxRendersPerSecond: number }): void {
    if (ms > limits.slowRenderMs) {
      this.warnings.raise('slow-render', name, ms, 'usePerformanceTracking', limits.slowRenderMs);
    }
    if (rendersInLastSecond > limits.maxRendersPerSecond) {
      this.warnings.raise('render-storm', name, rendersInLastSecond, 'usePerformanceTracking', limits.maxRendersPerSecond);
    }
    if (this.warnings.changed) {
      this.dirty = true;
      this.onChange();
    }
  }
}

/** The `react` capability line for the panel's memory sources card. */
export function reactCapability(status: ReactStatus | undefined): Capability {
  const fix = "Add the memscope/vite plugin, or make `import 'memscope/install'` the first line of your entry, before react-dom loads.";
  if (!status) return { state: 'unavailable', reason: 'memscope/install did not run, so React renders are not counted.', fix };
  switch (status.state) {
    case 'active': {
      const r = status.renderers.map((x) => `React ${x.version} (${x.build})`).join(', ');
      return status.mode === 'full'
        ? { state: 'active', reason: `Counting renders, mounts and reasons in ${r}.` }
        : { state: 'coarse', reason: `Counting renders in ${r}; reasons and timings are off because the full walk cost too much.` };
    }
    case 'late':
      return { state: 'unavailable', reason: 'React loaded before the Memscope hook, so its renders cannot be seen.', fix };
    case 'no-react':
      return { state: 'active', reason: 'The hook is installed; no React renderer has loaded yet.' };
    case 'not-installed':
      return { state: 'unavailable', reason: 'memscope/install did not run, so React renders are not counted.', fix };
    case 'disabled':
      return { state: 'unavailable', reason: 'React instrumentation is off (option react: false).' };
  }
}
