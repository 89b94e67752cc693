/**
 * Runs `fn` and swallows anything it throws. The SDK lives inside someone else's app: a failure of ours
 * must cost the app nothing, so internal errors are reported to `onError` and never rethrown.
 */
export function safely<T>(fn: () => T, onError: (error: unknown) => void, fallback: T): T {
  try {
    return fn();
  } catch (error) {
    try {
      onError(error);
    } catch {
      // The error handler itself failed; there is nowhere left to report to.
    }
    return fallback;
  }
}

/** Truncates a string to `max` characters, marking the cut with an ellipsis. */
export function truncate(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}
