import { Engine } from './engine.js';
import { installGlobalView } from './global-view.js';
import { resolveOptions } from './options.js';
import type { MemscopeOptions } from './options.js';

/** The handle returned by {@link createMemscope}. */
export interface Memscope {
  /** The current session id (a new one after a restore from the back/forward cache). */
  readonly sid: string;
  /** Adds a named marker to the timeline, shown as a labelled line on the panel's chart. */
  mark(label: string): void;
  /** Stops sampling and removes every listener and `window.__MEMSCOPE__`. A later `createMemscope` starts afresh. */
  stop(): void;
}

let running: Memscope | undefined;

/**
 * Starts Memscope in this page: samples memory into bounded buffers and serves the Memscope DevTools
 * panel when one is open. Without the extension it only announces itself once and keeps its buffers.
 *
 * Calling it again while it runs returns the running instance (its options stay as they were).
 * Options out of range throw a `RangeError` at once; after that, the SDK never throws into the app.
 *
 * @example
 * import { createMemscope } from 'memscope';
 * const memscope = createMemscope({ sampleIntervalMs: 1000 });
 * memscope.mark('opened settings');
 */
export function createMemscope(options?: MemscopeOptions): Memscope {
  const resolved = resolveOptions(options);
  if (running) return running;
  if (typeof window === 'undefined' || typeof window.postMessage !== 'function') {
    // Server-side rendering or a worker: there is no page to measure and no panel to talk to.
    return { sid: '', mark() {}, stop() {} };
  }
  let engine: Engine;
  let removeView: () => void;
  try {
    engine = new Engine(resolved);
    removeView = installGlobalView(engine);
  } catch (error) {
    // Something in this page stops us from starting; the app must not notice.
    resolved.onError(error);
    return { sid: '', mark() {}, stop() {} };
  }
  const handle: Memscope = {
    get sid() {
      return engine.sid;
    },
    mark(label) {
      engine.mark(label);
    },
    stop() {
      engine.stop();
      removeView();
      if (running === handle) running = undefined;
    },
  };
  running = handle;
  return handle;
}
