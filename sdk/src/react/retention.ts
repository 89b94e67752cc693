import { CLASS_COMPONENT, isHost } from './fiber.js';
import type { Fiber, HookState } from './fiber.js';

/** Most unmounted components watched at once; more are counted as unwatched. */
const MAX_PENDING = 2000;
/** Most components reported as retained at once. */
export const MAX_RETAINED = 1000;
/** Garbage collections that must pass before something still alive counts as retained. */
const GC_CYCLES = 2;

/**
 * Makes the control object of a batch of candidates: a detached DOM element, the kind of object the
 * watched components leave behind.
 */
export type MakeControl = () => object | undefined;

/**
 * A detached element nothing holds, given a property of its own as React gives the nodes it creates.
 * Undefined without a DOM (a worker, a test without jsdom): the candidates then wait on the count of
 * collections alone.
 */
const detachedElement: MakeControl = () => {
  if (typeof document === 'undefined' || typeof document.createElement !== 'function') return undefined;
  const element = document.createElement('span');
  (element as unknown as Record<string, unknown>).__memscopeGcControl = true;
  return element;
};

interface Candidate {
  /**
   * The component rows it stands for: one component with references of its own, or every component of
   * a deleted subtree whose only trace is the subtree's DOM (they live or die with it, so they are
   * judged together).
   */
  rows: number[];
  refs: WeakRef<object>[];
  epoch: number;
  /** The control made when it was watched (see `#controlRef`); it is judged only once that is gone. */
  control: WeakRef<object> | undefined;
}

/**
 * Finds components kept alive after unmount by user code. At unmount it takes weak references to what
 * user code can hold (the component's first DOM node, a class instance, state setters); React releases
 * all of these itself, so whatever is still alive two garbage collections later is held by the app.
 * React's own fiber shells are never watched: they stay reachable through the parent's alternate for
 * two more commits (research §4) and would be false positives.
 *
 * Two collections are not always enough. Chromium's own collections of a page that sits still can
 * free every JavaScript object and leave detached DOM alone: in a scratch run of the demo's fixed
 * dialog (30 pages, short-lived garbage only, no forced collection), two pages counted two collections
 * after the dialogs closed with all ten of their DOM nodes still alive, so the fixed dialog read as 5
 * retained, until one forced collection freed them all. A detached element made at unmount and held by
 * nothing was still alive in both pages as well, while a plain object made with it was gone. So each
 * batch of candidates carries such a control, and is judged only once its control has been collected:
 * proof that the collections since could free detached DOM.
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
  readonly #makeControl: MakeControl;
  /** The control shared by the candidates watched in `#controlEpoch`. */
  #control: WeakRef<object> | undefined;
  #controlEpoch = -1;

  /** `makeControl` is for tests; the default makes a detached element. */
  constructor(makeControl: MakeControl = detachedElement) {
    this.#makeControl = makeControl;
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
    if (this.#treeRows !== undefined) this.#pending.push({ rows: this.#treeRows, refs: this.#treeRef(), epoch: this.epoch, control: this.#controlRef() });
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
    this.#pending.push({ rows: [row], refs, epoch: this.epoch, control: this.#controlRef() });
    this.#watching++;
  }

  /** The one weak reference to the DOM of the subtree being deleted, in a shared, never mutated array. */
  #treeRef(): WeakRef<object>[] {
    return (this.#tree ??= [new WeakRef(this.#treeHost!)]);
  }

  /**
   * The control for candidates watched now: one per collection epoch, made by the first of them, so a
   * screen of 5,000 unmounting components makes one element, not 5,000. A new one once it is gone: a
   * candidate must not lean on a control collected before it unmounted.
   */
  #controlRef(): WeakRef<object> | undefined {
    if (this.#controlEpoch !== this.epoch || (this.#control !== undefined && this.#control.deref() === undefined)) {
      const control = this.#makeControl();
      this.#control = control === undefined ? undefined : new WeakRef(control);
      this.#controlEpoch = this.epoch;
    }
    return this.#control;
  }

  /**
   * Re-checks what is watched. Calls `changed(row, +1)` for a component found retained and
   * `changed(row, -1)` when a retained one is finally released.
   */
  check(changed: (row: number, delta: number) => void): void {
    if (this.#pending.length > 0) {
      const still: Candidate[] = [];
      for (const c of this.#pending) {
        if (this.epoch < c.epoch + GC_CYCLES || c.control?.deref() !== undefined) {
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
