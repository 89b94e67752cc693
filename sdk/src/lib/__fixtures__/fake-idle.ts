import { vi } from 'vitest';

/** One idle callback a test page asked for. */
export interface FakeIdleRequest {
  run: () => void;
  timeout: number | undefined;
  cancelled: boolean;
  ran: boolean;
}

/**
 * Stubs `requestIdleCallback` and `cancelIdleCallback` (jsdom and Node have neither), so the test
 * decides when the page is idle. Undo with `vi.unstubAllGlobals()`.
 */
export function stubIdleCallbacks() {
  /** Every request, in order; a handle is its index plus one. */
  const requests: FakeIdleRequest[] = [];
  vi.stubGlobal('requestIdleCallback', (run: () => void, options?: { timeout?: number }) =>
    requests.push({ run, timeout: options?.timeout, cancelled: false, ran: false }),
  );
  vi.stubGlobal('cancelIdleCallback', (handle: number) => (requests[handle - 1]!.cancelled = true));
  /** Requests neither run nor cancelled. */
  const pending = () => requests.filter((r) => !r.cancelled && !r.ran);
  /** An idle period: runs what is pending now (not what those runs ask for). */
  const idle = () => {
    for (const r of pending()) {
      r.ran = true;
      r.run();
    }
  };
  return { requests, pending, idle };
}
