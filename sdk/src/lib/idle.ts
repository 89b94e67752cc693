/**
 * Runs `fn` when the page is next idle, and at the latest after `timeoutMs`; returns a function that
 * cancels it. Where `requestIdleCallback` is missing (Safari), `fn` runs at once: that is what the
 * caller did before it asked to wait.
 *
 * Why wait: periodic work of ours (a memory sample, React housekeeping over thousands of component
 * rows) that lands in the middle of a user's interaction delays it. Idle time is the page's spare
 * time, so work done there costs the user nothing; the timeout keeps a page that never idles sampled.
 */
export function whenIdle(fn: () => void, timeoutMs: number): () => void {
  if (typeof requestIdleCallback !== 'function') {
    fn();
    return () => {};
  }
  const handle = requestIdleCallback(() => fn(), { timeout: timeoutMs });
  return () => cancelIdleCallback(handle);
}

/**
 * Like {@link whenIdle}, but `fn` also waits until `lastActivity()` (a `performance.now()` time, of the
 * page's last React commit, say) is at least `quietMs` old. A page that stays busy does not hold it
 * back past `timeoutMs`: it runs in the first idle period from which a quiet moment could no longer come
 * in time, or when the idle request's own timeout fires. Returns a function that cancels it.
 *
 * Why idle time alone is not enough: Chromium hands out an idle period between frames without
 * looking at the timers already due, so idle work lands between the steps of a burst of activity
 * and delays the next one. Measured in the demo's scripted interaction (Chromium 156): each page ran
 * one round of React housekeeping, 1.5 to 6.8 ms, between two clicks 4 ms apart, with
 * `IdleDeadline.timeRemaining()` reporting 7 to 15 ms left.
 */
export function whenIdleAndQuiet(fn: () => void, timeoutMs: number, quietMs: number, lastActivity: () => number): () => void {
  const deadline = performance.now() + timeoutMs;
  let cancel: () => void = () => {};
  const attempt = (): void => {
    cancel = whenIdle(() => {
      const now = performance.now();
      const wait = lastActivity() + quietMs - now;
      if (wait > 0 && now + wait < deadline) {
        // Whole milliseconds, so the retry does not fire a fraction early and find the page still busy.
        const timer = setTimeout(attempt, Math.ceil(wait));
        cancel = () => clearTimeout(timer);
        return;
      }
      fn();
    }, Math.max(0, deadline - performance.now()));
  };
  attempt();
  return () => cancel();
}

/**
 * At most one pending run of some deferred work: asking again while one waits does nothing, so a page
 * busy for several intervals gets one run when it is done, not a queue of them.
 */
export class PendingRun {
  #cancel: (() => void) | undefined;

  /**
   * Schedules `fn` with `schedule` (which gets the function to run and returns a canceller, and may run
   * it at once, as `whenIdle` does where idle callbacks are missing), unless a run is already waiting.
   */
  request(schedule: (run: () => void) => () => void, fn: () => void): void {
    if (this.#cancel) return;
    let ran = false;
    const cancel = schedule(() => {
      ran = true;
      this.#cancel = undefined;
      fn();
    });
    if (!ran) this.#cancel = cancel;
  }

  /** Cancels the waiting run, if there is one. */
  cancel(): void {
    this.#cancel?.();
    this.#cancel = undefined;
  }
}
