import { Tag, isHost } from './fiber.js';
import type { Fiber, HookState } from './fiber.js';

/** Most unmounted components watched at once; more are counted as unwatched. */
const MAX_PENDING = 2000;
/** Most components reported as retained at once. */
const MAX_RETAINED = 1000;
/** Garbage collections that must pass before something still alive counts as retained. */
const GC_CYCLES = 2;

interface Candidate {
  row: number;
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
  #registry: FinalizationRegistry<number> | undefined;

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

  /** Starts watching what `fiber` (just unmounted, subtree still intact) left for user code to hold. */
  watch(fiber: Fiber, row: number): void {
    if (!this.supported) return;
    if (this.#pending.length >= MAX_PENDING) {
      this.unwatched++;
      return;
    }
    const refs: WeakRef<object>[] = [];
    const add = (value: unknown) => {
      if (value !== null && (typeof value === 'object' || typeof value === 'function') && refs.length < 4) refs.push(new WeakRef(value));
    };
    if (fiber.tag === Tag.ClassComponent) add(fiber.stateNode);
    else {
      for (let hook = fiber.memoizedState as HookState | null; hook !== null && typeof hook === 'object'; hook = hook.next) {
        if (hook.queue !== null && typeof hook.queue === 'object') add(hook.queue.dispatch);
      }
    }
    let host: Fiber | null = fiber.child;
    while (host !== null && !isHost(host.tag)) host = host.child;
    if (host !== null) add(host.stateNode);
    if (refs.length > 0) this.#pending.push({ row, refs, epoch: this.epoch });
  }

  /**
   * Re-checks what is watched. Calls `changed(row, +1)` for a component found retained and
   * `changed(row, -1)` when a retained one is finally released.
   */
  check(changed: (row: number, delta: number) => void): void {
    if (this.#pending.length > 0) {
      const still: Candidate[] = [];
      for (const c of this.#pending) {
        if (this.epoch < c.epoch + GC_CYCLES) still.push(c);
        else if (alive(c)) {
          if (this.#retained.length < MAX_RETAINED) {
            this.#retained.push(c);
            changed(c.row, 1);
          } else this.unwatched++;
        }
      }
      this.#pending = still;
    }
    if (this.#retained.length > 0) {
      this.#retained = this.#retained.filter((c) => {
        if (alive(c)) return true;
        changed(c.row, -1);
        return false;
      });
    }
  }

  /** Components watched and not yet judged. */
  get pending(): number {
    return this.#pending.length;
  }
}

function alive(c: Candidate): boolean {
  for (const ref of c.refs) if (ref.deref() !== undefined) return true;
  return false;
}
