/** Options of {@link createBatcher}. */
export interface BatcherOptions {
  /** Longest time an item waits before it is sent. */
  flushIntervalMs: number;
  /** Number of pending items that triggers an immediate flush. */
  maxItems: number;
  /** Sends what is pending. */
  flush: () => void;
}

/** Decides when pending deltas go out: after `flushIntervalMs`, or at once when `maxItems` are waiting. */
export interface Batcher {
  /** Records that `n` items were added to what is pending. */
  added(n?: number): void;
  /** Forgets the pending count and cancels the timer (after a snapshot, or on unsubscribe). */
  reset(): void;
}

/** Creates a {@link Batcher}. */
export function createBatcher(options: BatcherOptions): Batcher {
  let pending = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const reset = () => {
    pending = 0;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const fire = () => {
    reset();
    options.flush();
  };
  return {
    added(n = 1) {
      pending += n;
      if (pending >= options.maxItems) fire();
      else timer ??= setTimeout(fire, options.flushIntervalMs);
    },
    reset,
  };
}
