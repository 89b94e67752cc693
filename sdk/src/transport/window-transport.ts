import { NS, PROTOCOL_VERSION } from '../protocol/envelope.js';
import { parsePanelCommand } from '../protocol/parse-command.js';
import type { PanelCommandEnvelope, SdkMessages } from '../protocol/index.js';

/** The SDK's side of the page channel. */
export interface WindowTransport {
  /** Posts an envelope to the page; false when posting failed (the message is then counted as dropped). */
  post<K extends keyof SdkMessages>(kind: K, sid: string, seq: number, data: SdkMessages[K]): boolean;
  /** Stops listening for panel commands. */
  close(): void;
}

function targetOrigin(): string {
  // An opaque origin (file://, sandboxed iframe) serialises as "null", which postMessage refuses.
  return location.origin === 'null' ? '*' : location.origin;
}

/**
 * Opens the page channel: posts SDK envelopes with `window.postMessage` and hands validated panel
 * commands addressed to `sid()` (or to any session, `''`) to `onCommand`.
 */
export function openWindowTransport(
  sid: () => string,
  onCommand: (command: PanelCommandEnvelope) => void,
): WindowTransport {
  const listener = (event: MessageEvent) => {
    // Only the relay in this window may command us; frames and other windows may not.
    if (event.source !== window) return;
    const result = parsePanelCommand(event.data);
    if (!result.ok) return;
    const target = result.envelope.sid;
    if (target === '' || target === sid()) onCommand(result.envelope);
  };
  window.addEventListener('message', listener);
  return {
    post(kind, sessionId, seq, data) {
      try {
        window.postMessage({ ns: NS, v: PROTOCOL_VERSION, sid: sessionId, seq, kind, data }, targetOrigin());
        return true;
      } catch {
        // DataCloneError or a detached window: the message is lost, and the caller counts it.
        return false;
      }
    },
    close() {
      window.removeEventListener('message', listener);
    },
  };
}
