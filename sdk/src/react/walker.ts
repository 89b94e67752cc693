import { PROP_KEYS, REASON_BUDGET_PER_COMMIT, REASON_CONTEXT, REASON_PARENT, REASON_PROPS, REASON_SAMPLES_PER_COMMIT, REASON_STATE, REASON_UNSAMPLED } from './component-table.js';
import type { ComponentTable } from './component-table.js';
import { CHILD_DELETION, CLASS_COMPONENT, CONTEXT_PROVIDER, PERFORMED_WORK, SUBTREE_WORK, TRACKED_TAGS } from './fiber.js';
import type { ContextDependency, Fiber, FiberRoot, HookState } from './fiber.js';
import { componentName, namedByType } from './names.js';

/** What `#eachTracked` does to each component of a subtree. */
const UNMOUNT = 1;
const ATTACHED = 2;

/** What the walker reports besides counts. */
export interface WalkerEvents {
  /**
   * React deleted the subtree under `root`: its components follow as `unmounted`, then `deleted()`.
   * Still intact here.
   */
  deleting(root: Fiber): void;
  /** The components of the subtree announced by `deleting` have all been reported. */
  deleted(): void;
  /** A tracked component was unmounted; its subtree is still intact here. */
  unmounted(fiber: Fiber, row: number): void;
  /** A render took longer than `slowRenderMs` (development and profiling builds only). */
  slow(row: number, ms: number): void;
}

/*
 * HOT_PATH: the loops below run once per fiber of every commit, and the commits that matter most (a
 * screen of thousands of new components, the first re-renders after it) run before V8 has optimized
 * them, where every call costs. So the loops test the tracked tag and find the next sibling in place,
 * each per-fiber action reads the stamped row itself, and `touch` is called only when a panel tracks
 * changes. In the demo's first re-render of 5,000 components this took the walk from 3.7 to 2.7 ms
 * (medians of 20 fresh pages, few scavenges); optimized code is unchanged.
 */

/**
 * Walks one commit (research §5.4): iterative, descending only where React did not reuse the
 * children and its `subtreeFlags` say a component below rendered, mounted or unmounted (so the walk
 * costs in proportion to the components that rendered, not to every host element under them),
 * finding unmounts through `fiber.deletions` (not `onCommitFiberUnmount`, which React plans to delete).
 * It writes only into the component table; no fiber outlives the call.
 */
export class CommitWalker {
  /** `counts` skips reasons and timings, for when the full walk costs too much. */
  mode: 'full' | 'counts' = 'full';
  slowRenderMs = 16;

  constructor(
    readonly table: ComponentTable,
    readonly events: WalkerEvents,
  ) {}

  /** Whether this commit's fibers carry `actualDuration` (development and profiling builds). */
  #timed = false;
  /** Numbers commits, to cap the reasons examined per component type per commit. */
  #commit = 0;
  /**
   * Reason examinations the last commit would have made had it examined every type (what it examined,
   * times its stride), plus the components it mounted, which may all re-render in the next: sizes the
   * stride. Counting examinations, not renders, keeps a list of thousands of rows of one type at stride
   * 1: it costs REASON_SAMPLES_PER_COMMIT examinations however long it is.
   */
  #lastWanted = 0;
  /** Reasons examined in this commit. */
  #examined = 0;
  /**
   * This commit examines the reasons of rows where `(row + commit) % stride === 0`; 0 examines none
   * (`counts` mode).
   */
  #stride = 1;

  /** Records one committed root. */
  walk(root: FiberRoot): void {
    const top = root.current;
    // Decided once per commit: production fibers have no durations to read.
    this.#timed = this.mode === 'full' && typeof top.actualDuration === 'number';
    this.#commit = (this.#commit + 1) >>> 0;
    this.table.beginBatch();
    // Keeps the reasons examined near REASON_BUDGET_PER_COMMIT when commits render thousands of
    // types: each type is then examined every `stride` commits instead of in every one.
    // (Integer arithmetic, not `Math.ceil`: a global that the first optimized walk, compiled in a commit
    // that never reached this branch, had no feedback for, and left by deoptimizing: `--trace-deopt`,
    // "Insufficient type feedback for generic global access". Object.is and Math.max below likewise.)
    const wanted = this.#lastWanted;
    this.#stride = this.mode !== 'full' ? 0 : wanted > REASON_BUDGET_PER_COMMIT ? ((wanted + REASON_BUDGET_PER_COMMIT - 1) / REASON_BUDGET_PER_COMMIT) | 0 : 1;
    this.#examined = 0;
    let mounted = 0;
    if ((top.flags & CHILD_DELETION) !== 0) this.#deletions(top);
    let fiber = top.child;
    while (fiber !== null) {
      const prev = fiber.alternate;
      // The tracked-tag test (TRACKED_TAGS), written out: see HOT_PATH above.
      const tag = fiber.tag;
      const tracked = tag < 32 && ((TRACKED_TAGS >>> tag) & 1) === 1;
      let child: Fiber | null = null;
      if (prev === null) {
        // A new fiber: everything below it is new too, so it is counted as a mount without comparing
        // anything to a previous render, and its children are walked. In this loop, not in a subtree
        // walk of its own: that second loop ran a few times a session over thousands of new fibers, and
        // V8 optimized it on its own (on-stack replacement) besides inlining it into this one.
        if (tracked) {
          mounted++;
          this.#mount(fiber);
        }
        child = fiber.child;
      } else {
        if (tracked) this.#update(fiber, prev);
        if ((fiber.flags & CHILD_DELETION) !== 0) this.#deletions(fiber);
        // Same child pointer as before: React reused the whole subtree without rendering it. A new one
        // with no SUBTREE_WORK below: React reconciled the children again (a component's own host
        // elements, mostly) but no component under them rendered, mounted or unmounted.
        if (fiber.child !== prev.child && (fiber.subtreeFlags & SUBTREE_WORK) !== 0) child = fiber.child;
      }
      // Most fibers whose children are not walked have a sibling: found without a call. (`fiber` is
      // below `top` here, so its sibling is inside the walk.)
      fiber = child ?? fiber.sibling ?? afterSubtree(fiber.return!, top);
    }
    this.#lastWanted = mounted + this.#examined * this.#stride;
  }

  /** Counts every tracked component under `root` as mounted (for roots that committed before we attached). */
  countMounted(root: FiberRoot): void {
    this.table.beginBatch();
    this.#eachTracked(root.current, ATTACHED);
  }

  /**
   * The row of a fiber's component type seen for the first time (callers try `table.rows.get` first:
   * a stamped-field hit, type-rows.ts). Allocating happens once per type; -1 for a fiber without a
   * component type.
   */
  #register(fiber: Fiber): number {
    const type = fiber.type;
    if (type === null || (typeof type !== 'object' && typeof type !== 'function')) return -1;
    // Named later, off the commit, when the type alone gives the name (component-table.ts, `#unnamed`):
    // the fiber does not outlive this call.
    return namedByType(fiber) ? this.table.add(type) : this.table.add(type, componentName(fiber));
  }

  /** A component rendered for the first time (new fiber, no alternate). */
  #mount(fiber: Fiber): void {
    const t = this.table;
    const row = t.rows.get(fiber.type) ?? this.#register(fiber);
    if (row < 0) return;
    t.mounts[row]!++;
    t.renders[row]!++;
    t.lastReasons[row] = 0;
    if (this.#timed) this.#time(fiber, row);
    if (t.tracking) t.touch(row);
  }

  /** A component React rendered again, or skipped (its alternate is the previous render). */
  #update(fiber: Fiber, prev: Fiber): void {
    const t = this.table;
    // A provider has no render of its own to flag: it counts when its value changes, the render that
    // reaches its consumers. (A new props object with the same value reaches no one, and the walk does
    // not descend where nothing below rendered, so it could not count those consistently.)
    const rendered =
      fiber.tag === CONTEXT_PROVIDER ? !is(fiber.memoizedProps?.value, prev.memoizedProps?.value) : (fiber.flags & PERFORMED_WORK) !== 0;
    if (!rendered) return;
    const row = t.rows.get(fiber.type) ?? this.#register(fiber);
    if (row < 0) return;
    t.renders[row]!++;
    const stride = this.#stride;
    if (stride !== 0 && (stride === 1 || (row + this.#commit) % stride === 0)) {
      if (t.reasonCommit[row] !== this.#commit) {
        t.reasonCommit[row] = this.#commit;
        t.reasonSamples[row] = 0;
      }
      if (t.reasonSamples[row]! < REASON_SAMPLES_PER_COMMIT) {
        t.reasonSamples[row]!++;
        this.#examined++;
        const reasons = this.#reasons(fiber, prev, row);
        t.lastReasons[row] = reasons;
        // Without branches: optimized code compiled before a commit's first state- or context-caused
        // render had no feedback for that branch's store, and deoptimized the whole walk
        // (`--trace-deopt`: "Insufficient type feedback for generic keyed access") at the second
        // re-render of the demo's 5,000 components, throwing away a TurboFan compile.
        t.reasonCounts[row * 4]! += reasons & REASON_PROPS;
        t.reasonCounts[row * 4 + 1]! += (reasons & REASON_STATE) >> 1;
        t.reasonCounts[row * 4 + 2]! += (reasons & REASON_CONTEXT) >> 2;
        t.reasonCounts[row * 4 + 3]! += (reasons & REASON_PARENT) >> 3;
      }
    } else if (stride > 1 && t.lastReasons[row] === 0) t.lastReasons[row] = REASON_UNSAMPLED;
    if (this.#timed) this.#time(fiber, row);
    if (t.tracking) t.touch(row);
  }

  #reasons(fiber: Fiber, prev: Fiber, row: number): number {
    let reasons = 0;
    const next = fiber.memoizedProps;
    const before = prev.memoizedProps;
    if (next !== before && next !== null && before !== null) {
      const t = this.table;
      const keys = t.lastPropKeys;
      const base = row * PROP_KEYS;
      let changed = 0;
      let count = 0;
      for (const key in next) {
        count++;
        const a = next[key];
        const b = before[key];
        // Object.is, as memo compares props (0 to -0 re-renders a memo component; NaN to NaN does not):
        // the same `is` as state and context. An inlined copy of it here once lacked the zeros case.
        if (!is(a, b) && key !== 'children') {
          // Sized on the first key recorded, not per examination: a call fewer on the path that runs
          // before V8 has optimized it.
          if (changed === 0) t.reserveKeys(row);
          if (changed < PROP_KEYS) keys[base + changed] = key;
          changed++;
        }
      }
      // A key was removed: props changed though no present key did.
      if (changed === 0) {
        for (const _ in before) count--;
        if (count !== 0) {
          changed = -1;
          t.reserveKeys(row);
        }
      }
      if (changed !== 0) {
        for (let k = changed < 0 ? 0 : changed; k < PROP_KEYS; k++) keys[base + k] = undefined;
        reasons |= REASON_PROPS;
      }
    }
    if (fiber.tag === CLASS_COMPONENT) {
      if (fiber.memoizedState !== prev.memoizedState) reasons |= REASON_STATE;
    } else if (fiber.tag !== CONTEXT_PROVIDER) {
      let hook = fiber.memoizedState as HookState | null;
      let old = prev.memoizedState as HookState | null;
      while (hook !== null && old !== null && typeof hook === 'object') {
        if (hook.queue !== null && !is(hook.memoizedState, old.memoizedState)) {
          reasons |= REASON_STATE;
          break;
        }
        hook = hook.next;
        old = old.next;
      }
    }
    let dep: ContextDependency | null = fiber.dependencies?.firstContext ?? null;
    let oldDep: ContextDependency | null = prev.dependencies?.firstContext ?? null;
    while (dep !== null) {
      if (oldDep === null || !is(dep.memoizedValue, oldDep.memoizedValue)) {
        reasons |= REASON_CONTEXT;
        break;
      }
      dep = dep.next;
      oldDep = oldDep.next;
    }
    return reasons === 0 ? REASON_PARENT : reasons;
  }

  #time(fiber: Fiber, row: number): void {
    const total = fiber.actualDuration;
    if (total === undefined || total < 0) return;
    let children = 0;
    for (let c = fiber.child; c !== null; c = c.sibling) children += c.actualDuration ?? 0;
    const t = this.table;
    t.totalMs[row]! += total;
    const self = total - children;
    t.selfMs[row]! += self > 0 ? self : 0;
    if (total > t.maxMs[row]!) t.maxMs[row] = total;
    if (total > this.slowRenderMs) this.events.slow(row, total);
  }

  /** Counts the unmounts under a fiber flagged with `CHILD_DELETION`. */
  #deletions(fiber: Fiber): void {
    const deletions = fiber.deletions;
    if (deletions === null) return;
    for (let i = 0; i < deletions.length; i++) {
      this.events.deleting(deletions[i]!);
      try {
        this.#eachTracked(deletions[i]!, UNMOUNT);
      } finally {
        this.events.deleted();
      }
    }
  }

  /**
   * Applies `action` to every tracked component in `root`'s subtree (not its siblings), depth first.
   * An action code rather than a callback: no closure per subtree.
   */
  #eachTracked(root: Fiber, action: typeof UNMOUNT | typeof ATTACHED): void {
    let fiber: Fiber | null = root;
    while (fiber !== null) {
      const tag = fiber.tag;
      if (tag < 32 && ((TRACKED_TAGS >>> tag) & 1) === 1) {
        if (action === UNMOUNT) this.#unmounted(fiber);
        else this.#attached(fiber);
      }
      fiber = fiber.child ?? (fiber === root ? null : (fiber.sibling ?? afterSubtree(fiber.return!, root)));
    }
  }

  #unmounted(fiber: Fiber): void {
    const t = this.table;
    const row = t.rows.get(fiber.type) ?? this.#register(fiber);
    if (row < 0) return;
    t.unmounts[row]!++;
    if (t.tracking) t.touch(row);
    this.events.unmounted(fiber, row);
  }

  #attached(fiber: Fiber): void {
    const t = this.table;
    const row = t.rows.get(fiber.type) ?? this.#register(fiber);
    if (row < 0) return;
    t.mounts[row]!++;
    if (t.tracking) t.touch(row);
  }
}

/**
 * The next fiber of a depth-first walk of `root`'s subtree once `fiber`'s own subtree is done: the
 * nearest sibling of `fiber` or of one of its ancestors below `root`, or null when the walk is over.
 */
export function afterSubtree(fiber: Fiber, root: Fiber): Fiber | null {
  for (let f: Fiber | null = fiber; f !== null && f !== root; f = f.return) if (f.sibling !== null) return f.sibling;
  return null;
}

/** `Object.is`, as React compares state and context values, without a global lookup (see `walk`). */
function is(a: unknown, b: unknown): boolean {
  return a === b ? a !== 0 || 1 / (a as number) === 1 / (b as number) : a !== a && b !== b;
}
