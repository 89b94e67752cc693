import { LIMITS } from '../protocol/limits.js';

/** Why a component rendered, as bits: several can be true at once. */
export const enum Reason {
  Props = 1,
  State = 2,
  Context = 4,
  Parent = 8,
}

/**
 * Renders of one component type whose reasons are examined in one commit. A list re-renders its 1,000
 * rows for the same reason; examining the first few gives the same answer at a fraction of the cost.
 */
export const REASON_SAMPLES_PER_COMMIT = 8;

/** Changed prop keys remembered per component (the last render's). */
export const PROP_KEYS = 4;

/** Distinct component types tracked; later ones are counted under one overflow row. */
export const MAX_TYPES = LIMITS.components;

/**
 * Per-component-type counters in typed arrays, indexed by a small integer per type. A commit only
 * adds to numbers here: nothing is allocated in the steady state, and no fiber is kept. Arrays grow
 * (by doubling) only when a new component type first renders.
 */
export class ComponentTable {
  /** Component type (function, class, memo object, context) to its row. Weak: a type no one uses can go. */
  readonly #rows = new WeakMap<object, number>();
  names: string[] = [];
  size = 0;
  renders = new Float64Array(64);
  mounts = new Float64Array(64);
  unmounts = new Float64Array(64);
  retained = new Float64Array(64);
  selfMs = new Float64Array(64);
  totalMs = new Float64Array(64);
  maxMs = new Float64Array(64);
  /** Renders by reason, four slots a row: props, state, context, parent. */
  reasonCounts = new Float64Array(64 * 4);
  /** The reasons of each row's last render. */
  lastReasons = new Uint8Array(64);
  /** The commit in which each row's reasons were last examined, and how many renders were examined in it. */
  reasonCommit = new Uint32Array(64);
  reasonSamples = new Uint8Array(64);
  /** Changed prop keys of each row's last props-caused render, PROP_KEYS slots a row. */
  lastPropKeys: (string | undefined)[] = new Array(64 * PROP_KEYS);
  /** Rows changed since the last `takeDirty()`. */
  #dirty = new Uint8Array(64);
  #dirtyList = new Int32Array(64);
  #dirtyCount = 0;

  /** The row of a component type, or -1 when it has none yet. */
  find(type: object): number {
    return this.#rows.get(type) ?? -1;
  }

  /** Adds a row for a component type seen for the first time. */
  add(type: object, name: string): number {
    if (this.size >= MAX_TYPES) {
      // Bounded: the last row collects every type beyond the limit.
      this.names[MAX_TYPES - 1] = '(other components)';
      this.#rows.set(type, MAX_TYPES - 1);
      return MAX_TYPES - 1;
    }
    const index = this.size++;
    if (index >= this.renders.length) this.#grow();
    this.names[index] = name.slice(0, LIMITS.text);
    this.#rows.set(type, index);
    return index;
  }

  /** Marks a row as changed, for the next delta. */
  touch(index: number): void {
    if (this.#dirty[index]) return;
    this.#dirty[index] = 1;
    this.#dirtyList[this.#dirtyCount++] = index;
  }

  /** The rows changed since the last call, and forgets them. */
  takeDirty(): number[] {
    const out = Array.from(this.#dirtyList.subarray(0, this.#dirtyCount));
    for (const i of out) this.#dirty[i] = 0;
    this.#dirtyCount = 0;
    return out;
  }

  /** Zeroes the counters (renders, mounts, unmounts, times, reasons); live and retained stay as they are. */
  resetCounters(): void {
    const live = this.mounts.map((m, i) => m - this.unmounts[i]!);
    this.renders.fill(0);
    this.unmounts.fill(0);
    this.mounts.set(live);
    this.selfMs.fill(0);
    this.totalMs.fill(0);
    this.maxMs.fill(0);
    this.reasonCounts.fill(0);
    this.lastReasons.fill(0);
    for (let i = 0; i < this.size; i++) this.touch(i);
  }

  #grow(): void {
    const n = Math.min(this.renders.length * 2, MAX_TYPES);
    const grow = <T extends Float64Array | Uint8Array | Int32Array | Uint32Array>(a: T, per = 1): T => {
      const b = new (a.constructor as new (n: number) => T)(n * per);
      b.set(a);
      return b;
    };
    this.renders = grow(this.renders);
    this.mounts = grow(this.mounts);
    this.unmounts = grow(this.unmounts);
    this.retained = grow(this.retained);
    this.selfMs = grow(this.selfMs);
    this.totalMs = grow(this.totalMs);
    this.maxMs = grow(this.maxMs);
    this.reasonCounts = grow(this.reasonCounts, 4);
    this.lastReasons = grow(this.lastReasons);
    this.reasonCommit = grow(this.reasonCommit);
    this.reasonSamples = grow(this.reasonSamples);
    this.#dirty = grow(this.#dirty);
    this.#dirtyList = grow(this.#dirtyList);
    this.lastPropKeys.length = n * PROP_KEYS;
  }
}
