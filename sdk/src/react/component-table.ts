import { LIMITS, REASON_SAMPLES_PER_COMMIT } from '../protocol/limits.js';
import { truncate } from '../lib/safe.js';
import { typeName } from './names.js';
import { createTypeRows } from './type-rows.js';

/** Why a component rendered, as bits: several can be true at once. */
export const REASON_PROPS = 1;
export const REASON_STATE = 2;
export const REASON_CONTEXT = 4;
export const REASON_PARENT = 8;
/**
 * Not a reason: the component rendered again since it mounted, but none of those renders has been
 * examined yet (a commit of thousands of types examines each in turn). Without it such a row would
 * still say "mount". Counts-only mode does not mark it (no cost per render); there, no row says "mount".
 */
export const REASON_UNSAMPLED = 16;

/** Renders of one component type whose reasons are examined in one commit (protocol/limits.ts says why). */
export { REASON_SAMPLES_PER_COMMIT };

/**
 * Renders whose reasons one commit examines, roughly, when it renders thousands of component types
 * (each type's first renders would otherwise all be examined). Above it, each type is examined every
 * few commits, in turn: reasons become a sample, as a sampling profiler's stacks are; counts stay exact.
 * Such commits come right after a screen of new components mounts, before V8 has optimized the
 * examination, where each one costs microseconds: a budget of 250 took the demo's first re-render of
 * 5,000 distinct types from 4.3-5.8 to 2.9-4.2 ms (medians of 30 fresh pages, four paired runs), but
 * left the whole interaction's ratio unchanged within noise, and a user re-rendering such a screen ten
 * times then saw many rows still "not sampled" (e2e/components.spec.ts). So 1,000 it stays.
 */
export const REASON_BUDGET_PER_COMMIT = 1000;

/** Changed prop keys remembered per component (the last render's). */
export const PROP_KEYS = 4;

/** Distinct component types tracked; later ones are counted under one overflow row. */
export const MAX_TYPES = LIMITS.components;

/** Rows the arrays start with. */
const INITIAL_ROWS = 256;

/**
 * How much the arrays grow: twice over as an app's types appear commit by commit, eight times over when
 * one commit alone has added more than half as many types as they hold. Growing copies every counter
 * into a new buffer, and first writes to fresh memory cost more than the copy itself (page faults): a
 * screen of 5,000 new types doubled the arrays five times in its mount commit. Growing eightfold takes
 * two steps, and that commit's handler fell from 8.9 to 7.0 ms (medians of 40 fresh demo pages); about
 * 0.6 ms of it came back in the first re-renders, which now write the reason columns' pages first.
 * The larger buffer's pages that no row reaches are never written, so the OS need not back them, though
 * V8 counts the whole buffer (1.6 MB at 16,384 rows) as the page's external memory.
 */
const GROWTH = 2;
const BATCH_GROWTH = 8;

/** Bytes per row in the one buffer behind all counters: 11 doubles, 2 four-byte and 3 one-byte fields. */
const ROW_BYTES = 11 * 8 + 2 * 4 + 3;

/**
 * Per-component-type counters in typed arrays, indexed by a small integer per type. A commit only
 * adds to numbers here: nothing is allocated in the steady state, and no fiber is kept. The arrays
 * grow (doubling) only when a new component type first renders, and they are views of one
 * ArrayBuffer: allocating a typed array costs far more than its size suggests in Chromium, and a
 * screen that mounts 5,000 new types at once paid 5 ms in its first commit when thirteen separate
 * arrays doubled from 64 rows.
 */
export class ComponentTable {
  /**
   * Component type (function, class, memo object, context) to its row. Weak: a type no one uses can
   * go. Written only through `add`.
   */
  readonly rows = createTypeRows();
  /**
   * Whether changed rows are remembered for `takeDirty()`. Only a subscribed panel asks for deltas (it
   * gets a full snapshot when it subscribes), so with no panel open a render skips that bookkeeping.
   */
  tracking = false;
  /** Row names, read through `name(row)`, which names the rows still waiting first. */
  readonly #names: string[] = [];
  size = 0;
  renders!: Float64Array;
  mounts!: Float64Array;
  unmounts!: Float64Array;
  retained!: Float64Array;
  selfMs!: Float64Array;
  totalMs!: Float64Array;
  maxMs!: Float64Array;
  /** Renders by reason, four slots a row: props, state, context, parent. */
  reasonCounts!: Float64Array;
  /** The commit in which each row's reasons were last examined, and how many renders were examined in it. */
  reasonCommit!: Uint32Array;
  reasonSamples!: Uint8Array;
  /** The reasons of each row's last render. */
  lastReasons!: Uint8Array;
  /**
   * Changed prop keys of each row's last props-caused render: PROP_KEYS slots a row, unused ones
   * undefined. One flat array, so recording keys allocates nothing once `reserveKeys` has sized it. It
   * stays empty until reasons are first examined: a screen that mounts 5,000 new types grew it five
   * times (250 KB) in that one commit, and counts-only mode never needs it.
   */
  readonly lastPropKeys: (string | undefined)[] = [];
  /** Rows changed since the last `takeDirty()`. */
  #dirty!: Uint8Array;
  #dirtyList!: Int32Array;
  #dirtyCount = 0;
  /** Types added since `beginBatch()`: a commit that adds many grows the arrays in larger steps. */
  #addedInBatch = 0;
  /**
   * The types of rows added without a name, from row `#unnamedFrom` on (undefined for rows named when
   * added), until `resolveNames()` names them and lets them go. Naming in the commit that mounts the
   * demo's 5,000 new types, before V8 has optimized the naming code, made that commit's handler 0.4 to
   * 0.6 ms slower (medians of 30 and 40 fresh pages in two A/B runs); the tracker's periodic tick names
   * them when the page is idle instead. A type is held here for a few seconds at most, while a mounted
   * fiber holds it too.
   */
  #unnamed: unknown[] = [];
  #unnamedFrom = 0;

  constructor() {
    this.#allocate(INITIAL_ROWS);
  }

  /**
   * Adds a row for a component type seen for the first time, named `name`, or, without one, by its
   * displayName or function name (through memo and forwardRef) when `resolveNames` next runs.
   */
  add(type: object, name?: string): number {
    if (this.size >= MAX_TYPES) {
      // Bounded: the last row collects every type beyond the limit.
      this.resolveNames();
      this.#names[MAX_TYPES - 1] = '(other components)';
      this.rows.set(type, MAX_TYPES - 1);
      return MAX_TYPES - 1;
    }
    const index = this.size++;
    this.#addedInBatch++;
    // `renders.length`, not the `capacity` getter, and no `slice` for a short name: a screen of new
    // components adds thousands of types in one commit, before V8 has optimized this.
    if (index >= this.renders.length) this.#grow();
    if (name !== undefined) this.#names[index] = truncate(name, LIMITS.text);
    else {
      if (this.#unnamed.length === 0) this.#unnamedFrom = index;
      this.#unnamed[index - this.#unnamedFrom] = type;
    }
    this.rows.set(type, index);
    return index;
  }

  /** The name of row `row`. */
  name(row: number): string {
    if (this.#unnamed.length !== 0) this.resolveNames();
    return this.#names[row]!;
  }

  /** Names the rows added without a name, and lets their types go (see `#unnamed`). */
  resolveNames(): void {
    const unnamed = this.#unnamed;
    if (unnamed.length === 0) return;
    this.#unnamed = [];
    for (let k = 0; k < unnamed.length; k++) {
      const type = unnamed[k];
      if (type !== undefined) this.#names[this.#unnamedFrom + k] = truncate(typeName(type), LIMITS.text);
    }
  }

  /** Starts a batch of additions (a commit): see BATCH_GROWTH. */
  beginBatch(): void {
    this.#addedInBatch = 0;
  }

  /** How many rows the arrays hold before they grow again. */
  get capacity(): number {
    return this.renders.length;
  }

  /** Makes room in `lastPropKeys` for the keys of every row in use (`row` among them), before they are recorded. */
  reserveKeys(row: number): void {
    // A longer length grows the backing store in one step; writes then stay inside it. Sized by the rows
    // in use (twice over, so it grows rarely), not by the arrays' capacity, which a batch may have grown
    // eightfold.
    if (this.lastPropKeys.length <= row * PROP_KEYS) this.lastPropKeys.length = Math.min(this.capacity, 2 * this.size) * PROP_KEYS;
  }

  /** Marks a row as changed, for the next delta. */
  touch(index: number): void {
    if (!this.tracking || this.#dirty[index]) return;
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
    const rows = this.capacity;
    this.#allocate(Math.min(rows * (this.#addedInBatch > rows / 2 ? BATCH_GROWTH : GROWTH), MAX_TYPES));
  }

  /** Points every counter at a new buffer of `rows` rows, keeping what the old arrays held. */
  #allocate(rows: number): void {
    const buffer = new ArrayBuffer(rows * ROW_BYTES);
    let offset = 0;
    const view = <T extends Float64Array | Uint32Array | Int32Array | Uint8Array>(
      Type: { new (buffer: ArrayBuffer, offset: number, length: number): T; BYTES_PER_ELEMENT: number },
      old: T | undefined,
      per = 1,
    ): T => {
      const a = new Type(buffer, offset, rows * per);
      offset += rows * per * Type.BYTES_PER_ELEMENT;
      if (old) a.set(old);
      return a;
    };
    // Widest elements first, so every view starts aligned.
    this.renders = view(Float64Array, this.renders);
    this.mounts = view(Float64Array, this.mounts);
    this.unmounts = view(Float64Array, this.unmounts);
    this.retained = view(Float64Array, this.retained);
    this.selfMs = view(Float64Array, this.selfMs);
    this.totalMs = view(Float64Array, this.totalMs);
    this.maxMs = view(Float64Array, this.maxMs);
    this.reasonCounts = view(Float64Array, this.reasonCounts, 4);
    this.reasonCommit = view(Uint32Array, this.reasonCommit);
    this.#dirtyList = view(Int32Array, this.#dirtyList);
    this.reasonSamples = view(Uint8Array, this.reasonSamples);
    this.lastReasons = view(Uint8Array, this.lastReasons);
    this.#dirty = view(Uint8Array, this.#dirty);
  }
}
