import { LIMITS } from '../protocol/limits.js';
import type { RenderWarning } from '../protocol/types.js';

/** Render warnings, one per kind and component, bounded; raising one again updates it. */
export class Warnings {
  readonly #byKey = new Map<string, RenderWarning>();
  changed = false;

  raise(kind: RenderWarning['kind'], component: string, value: number, source: RenderWarning['source'], message: string): void {
    const key = `${kind}\u0000${component}`;
    const existing = this.#byKey.get(key);
    if (existing) {
      existing.count++;
      existing.value = value;
      existing.lastAt = Date.now();
      existing.message = message;
    } else {
      if (this.#byKey.size >= LIMITS.warnings) {
        // Bounded: the stalest warning makes room.
        let oldest: string | undefined;
        let oldestAt = Infinity;
        for (const [k, w] of this.#byKey) if (w.lastAt < oldestAt) ((oldest = k), (oldestAt = w.lastAt));
        if (oldest !== undefined) this.#byKey.delete(oldest);
      }
      this.#byKey.set(key, { kind, component, value, count: 1, lastAt: Date.now(), source, message });
    }
    this.changed = true;
  }

  list(): RenderWarning[] {
    return [...this.#byKey.values()].map((w) => ({ ...w }));
  }

  clear(): void {
    this.#byKey.clear();
    this.changed = true;
  }
}
