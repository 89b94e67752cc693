import { LIMITS } from '../protocol/limits.js';
import type { RenderWarning } from '../protocol/types.js';

type Kind = RenderWarning['kind'];
type Source = RenderWarning['source'];

/** A warning as kept: the protocol's fields without the message, which is written when someone reads it. */
interface Raised extends Omit<RenderWarning, 'message'> {
  /** The limit it broke: renders per second (storm) or milliseconds (slow render). */
  budget: number;
  /** Live instances, for `auto` render storms. */
  live: number;
}

/**
 * Render warnings, one per kind and component, bounded by `LIMITS.warnings`; raising one again updates
 * it. The storm check can raise thousands in one tick (a screen of 5,000 components re-rendering), so
 * raising is O(1) and allocates nothing for a known warning: each kind is a Map in least recently raised
 * order, the stalest entry makes room, and messages are only built by `list()`.
 */
export class Warnings {
  readonly #byKind: Record<Kind, Map<string, Raised>> = { 'render-storm': new Map(), 'slow-render': new Map() };
  #size = 0;
  changed = false;

  /**
   * Raises (or refreshes) the `kind` warning of `component`. `value` is renders per second (storm) or
   * milliseconds (slow render), `budget` the limit it broke, `live` the instances a storm was spread over.
   */
  raise(kind: Kind, component: string, value: number, source: Source, budget: number, live = 1): void {
    const map = this.#byKind[kind];
    let w = map.get(component);
    if (w) {
      // Re-inserted so that the Map's first entry stays the least recently raised.
      map.delete(component);
      w.count++;
      w.value = value;
      w.source = source;
      w.budget = budget;
      w.live = live;
      w.lastAt = Date.now();
    } else {
      if (this.#size >= LIMITS.warnings) this.#evictStalest();
      w = { kind, component, value, count: 1, lastAt: Date.now(), source, budget, live };
      this.#size++;
    }
    map.set(component, w);
    this.changed = true;
  }

  #evictStalest(): void {
    const storm = this.#byKind['render-storm'].values().next().value;
    const slow = this.#byKind['slow-render'].values().next().value;
    const stalest = !storm ? slow : !slow ? storm : storm.lastAt <= slow.lastAt ? storm : slow;
    if (!stalest) return;
    this.#byKind[stalest.kind].delete(stalest.component);
    this.#size--;
  }

  /** Every warning, newest first, as the protocol carries it. */
  list(): RenderWarning[] {
    const all = [...this.#byKind['render-storm'].values(), ...this.#byKind['slow-render'].values()];
    all.sort((a, b) => b.lastAt - a.lastAt);
    return all.map((w) => ({ kind: w.kind, component: w.component, value: w.value, count: w.count, lastAt: w.lastAt, source: w.source, message: message(w) }));
  }

  clear(): void {
    this.#byKind['render-storm'].clear();
    this.#byKind['slow-render'].clear();
    this.#size = 0;
    this.changed = true;
  }
}

function message(w: Raised): string {
  if (w.kind === 'slow-render') {
    return w.source === 'auto'
      ? `${w.component} took ${w.value.toFixed(1)} ms to render (budget ${w.budget} ms).`
      : `${w.component} took ${w.value.toFixed(1)} ms to render and commit (budget ${w.budget} ms).`;
  }
  return w.source === 'auto'
    ? `${w.component} re-renders ${w.value.toFixed(0)} times per second per instance (${w.live} live, budget ${w.budget}/s).`
    : `${w.component} rendered ${w.value} times in the last second (budget ${w.budget}/s).`;
}
