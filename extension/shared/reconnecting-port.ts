/** Options of {@link createReconnectingPort}. */
export interface ReconnectingPortOptions {
  /** Opens a new port (`chrome.runtime.connect`). */
  connect: () => chrome.runtime.Port;
  /** Called with each message received. */
  onMessage: (message: unknown) => void;
  /** Called after each successful (re)connection, before queued messages go out. */
  onConnect?: () => void;
  /** Called when the port drops. */
  onDisconnect?: () => void;
  /** Messages kept while disconnected; older ones are dropped and counted. Default 200. */
  maxQueue?: number;
  /** First reconnection delay, doubled after each failure up to `maxDelayMs`. Default 100. */
  minDelayMs?: number;
  /** Default 2000. */
  maxDelayMs?: number;
}

/** A runtime port that comes back after the service worker is stopped. */
export interface ReconnectingPort {
  /** Sends now, or queues until the port is back. */
  post(message: unknown): void;
  /** Messages dropped because the queue was full. */
  readonly dropped: number;
  readonly connected: boolean;
  /** Closes for good. */
  close(): void;
}

/** True once the extension was reloaded or removed: this script's runtime is gone for good. */
function contextInvalidated(): boolean {
  try {
    return !chrome.runtime?.id;
  } catch {
    return true;
  }
}

/**
 * Keeps a `chrome.runtime.Port` open across service-worker restarts: on disconnect it reconnects with
 * exponential backoff and a bounded queue, as React, Vue and Solid DevTools do.
 */
export function createReconnectingPort(options: ReconnectingPortOptions): ReconnectingPort {
  const maxQueue = options.maxQueue ?? 200;
  const minDelay = options.minDelayMs ?? 100;
  const maxDelay = options.maxDelayMs ?? 2000;
  const queue: unknown[] = [];
  let port: chrome.runtime.Port | undefined;
  let delay = minDelay;
  let dropped = 0;
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = () => {
    if (closed || timer !== undefined || contextInvalidated()) return;
    timer = setTimeout(() => {
      timer = undefined;
      open();
    }, delay);
    delay = Math.min(delay * 2, maxDelay);
  };

  const open = () => {
    if (closed) return;
    let next: chrome.runtime.Port;
    try {
      next = options.connect();
    } catch {
      schedule();
      return;
    }
    port = next;
    next.onMessage.addListener((message: unknown) => options.onMessage(message));
    next.onDisconnect.addListener(() => {
      // Reading lastError marks it handled, so Chrome does not log "Unchecked runtime.lastError".
      void chrome.runtime.lastError;
      if (port === next) port = undefined;
      options.onDisconnect?.();
      schedule();
    });
    delay = minDelay;
    options.onConnect?.();
    while (port === next && queue.length > 0) send(queue.shift());
  };

  const send = (message: unknown) => {
    try {
      port!.postMessage(message);
    } catch {
      port = undefined;
      enqueue(message);
      schedule();
    }
  };

  const enqueue = (message: unknown) => {
    queue.push(message);
    if (queue.length > maxQueue) {
      queue.shift();
      dropped++;
    }
  };

  open();
  return {
    post(message) {
      if (closed) return;
      if (port) send(message);
      else enqueue(message);
    },
    get dropped() {
      return dropped;
    },
    get connected() {
      return port !== undefined;
    },
    close() {
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      port?.disconnect();
      port = undefined;
      queue.length = 0;
    },
  };
}
