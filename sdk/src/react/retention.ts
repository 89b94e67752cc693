import { CLASS_COMPONENT, isHost } from './fiber.js';
import type { Fiber, HookState } from './fiber.js';

/** Most unmounted components watched at once; more are counted as unwatched. */
const MAX_PENDING = 2000;
/** Most components reported as retained at once. */
export const MAX_RETAINED = 1000;
/** Garbage collections that must pass before something still alive counts as retained. */
const GC_CYCLES = 2;

interface Candidate {
  /**
   * The component rows it stands for: one component with references of its own, or every component of
   * a deleted subtree whose only trace is the subtree's DOM (they live or die with it, so they are
   * judged together).
   */
  rows: number[];
  refs: WeakRef<object>[];
  epoch: number;
}

/**
 * Finds components kept alive after unmount by user code. At unmount it takes weak references to what
 * user code can hold (the component's first DOM node, a class instance, state setters); React releases
 * all of these itself, so whatever is still alive two garbage collections later is held by the app.
 * React's own fiber shells are never watched: they stay reachable through the parent's alternate for
 * two more commits (research §4) and would be false positives.
 */
export class Retention {
  readonly supported = typeof WeakRef === 'function' && typeof FinalizationRegistry === 'function';
  /** Garbage collections seen (a canary object is collected once per GC). */
  epoch = 0;
  unwatched = 0;
  #pending: Candidate[] = [];
  #retained: Candidate[] = [];
  /** Components in `#pending` (a candidate can stand for many). */
  #watching = 0;
  /** Components in `#retained`. */
  #retainedCount = 0;
  #registry: FinalizationRegistry<number> | undefined;
  /** The first DOM node of the subtree being deleted, and the one shared reference to it. */
  #treeHost: object | undefined;
  #tree: WeakRef<object>[] | undefined;
  /** Rows of the subtree being deleted that have no reference but its DOM. */
  #treeRows: number[] | undefined;

  constructor() {
    if (!this.supported) return;
    this.#registry = new FinalizationRegistry(() => {
      this.epoch++;
      this.#plant();
    });
    this.#plant();
  }

  #plant(): void {
    this.#registry?.register({}, 0);
  }

  /**
   * Called before the components of one deleted subtree are watched. React detaches only the subtree's
   * top DOM node; the nodes below stay linked to it (child and parent pointers both ways), so the whole
   * detached DOM tree lives or dies as one. One weak reference to it serves every component inside,
   * instead of one per component: unmounting a screen of 5,000 components made 2,000 of them.
   */
  deleting(root: Fiber): void {
    this.#tree = undefined;
    this.#treeRows = undefined;
    this.#treeHost = firstHost(root);
  }

  /**
   * The subtree announced by `deleting` is done: its DOM-only components become one candidate, and its
   * DOM node, which is React's to free, is let go.
   */
  deleted(): void {
    if (this.#treeRows !== undefined) this.#pending.push({ rows: this.#treeRows, refs: this.#treeRef(), epoch: this.epoch });
    this.#tree = undefined;
    this.#treeRows = undefined;
    this.#treeHost = undefined;
  }

  /** Starts watching what `fiber` (just unmounted, subtree still intact) left for user code to hold. */
  watch(fiber: Fiber, row: number): void {
    if (!this.supported) return;
    if (this.#watching >= MAX_PENDING) {
      this.unwatched++;
      return;
    }
    let refs: WeakRef<object>[] | undefined;
    if (fiber.tag === CLASS_COMPONENT) refs = addRef(refs, fiber.stateNode);
    else {
      for (let hook = fiber.memoizedState as HookState | null; hook !== null && typeof hook === 'object'; hook = hook.next) {
        if (hook.queue !== null && typeof hook.queue === 'object') refs = addRef(refs, hook.queue.dispatch);
      }
    }
    const host = firstHost(fiber);
    if (host !== undefined) {
      // A portal's DOM is a detached tree of its own: only nodes inside the subtree's top node share its fate.
      if (host === this.#treeHost || (this.#treeHost !== undefined && contains(this.#treeHost, host))) {
        if (refs === undefined) {
          // Nothing of its own to hold: judged with its subtree's DOM, without an object per component
          // (unmounting a screen of 5,000 components made 2,000 candidates).
          (this.#treeRows ??= []).push(row);
          this.#watching++;
          return;
        }
        refs.push(this.#treeRef()[0]!);
      } else refs = addRef(refs, host);
    }
    if (refs === undefined) return;
    this.#pending.push({ rows: [row], refs, epoch: this.epoch });
    this.#watching++;
  }

  /** The one weak reference to the DOM of the subtree being deleted, in a shared, never mutated array. */
  #treeRef(): WeakRef<object>[] {
    return (this.#tree ??= [new WeakRef(this.#treeHost!)]);
  }

  /**
   * Re-checks what is watched. Calls `changed(row, +1)` for a component found retained and
   * `changed(row, -1)` when a retained one is finally released.
   */
  check(changed: (row: number, delta: number) => void): void {
    if (this.#pending.length > 0) {
      const still: Candidate[] = [];
      for (const c of this.#pending) {
        if (this.epoch < c.epoch + GC_CYCLES) {
          still.push(c);
          continue;
        }
        this.#watching -= c.rows.length;
        if (!alive(c)) continue;
        // Bounded: a candidate that does not fit whole reports what fits; the rest counts as unwatched.
        const room = MAX_RETAINED - this.#retainedCount;
        if (room < c.rows.length) {
          this.unwatched += c.rows.length - Math.max(room, 0);
          if (room <= 0) continue;
          c.rows = c.rows.slice(0, room);
        }
        this.#retained.push(c);
        this.#retainedCount += c.rows.length;
        for (const row of c.rows) changed(row, 1);
      }
      this.#pending = still;
    }
    if (this.#retained.length > 0) {
      this.#retained = this.#retained.filter((c) => {
        if (alive(c)) return true;
        this.#retainedCount -= c.rows.length;
        for (const row of c.rows) changed(row, -1);
        return false;
      });
    }
  }

  /** Components watched and not yet judged. */
  get pending(): number {
    return this.#watching;
  }
}

/** At most four references per component: a class instance or its first state setters, and its DOM. */
function addRef(refs: WeakRef<object>[] | undefined, value: unknown): WeakRef<object>[] | undefined {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return refs;
  if (refs === undefined) return [new WeakRef(value)];
  if (refs.length < 4) refs.push(new WeakRef(value));
  return refs;
}

/** The DOM node of the first host fiber at or below `fiber`, through first children. */
function firstHost(fiber: Fiber): object | undefined {
  let host: Fiber | null = fiber;
  while (host !== null && !isHost(host.tag)) host = host.child;
  const node = host?.stateNode;
  return node !== null && typeof node === 'object' ? node : undefined;
}

function contains(tree: object, node: object): boolean {
  return typeof (tree as Node).contains === 'function' && (tree as Node).contains(node as Node);
}

function alive(c: Candidate): boolean {
  for (const ref of c.refs) if (ref.deref() !== undefined) return true;
  return false;
}
