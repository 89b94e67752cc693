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
