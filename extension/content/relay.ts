import { parsePanelCommand, parseSdkEnvelope } from 'memscope/protocol';
import type { ExtensionMessage, RelayStats } from 'memscope/protocol';
import type { ReconnectingPort } from '../shared/reconnecting-port.js';

/** How often, at most, the relay reports its counters to the panel. */
const STATS_INTERVAL_MS = 500;

/** What the relay needs from its surroundings (the real ones in the content script, fakes in tests). */
export interface RelayEnvironment {
  window: Window;
  /** Opens the port to the service worker; `onMessage` receives what the panel sends. */
  openPort: (handlers: { onMessage: (message: unknown) => void; onConnect: () => void }) => ReconnectingPort;
}

/**
 * The content script's relay between the page and the extension. It accepts a message only from this
 * very window and only as a valid SDK envelope, forwards it over a reconnecting port, and posts into the
 * page nothing but validated panel commands. Everything else is counted, never forwarded.
 */
export function startRelay(env: RelayEnvironment): () => void {
  const { window: win } = env;
  const stats: RelayStats = { rejected: 0, ignored: 0, queueDropped: 0, reasons: {} };
  let lastHello: unknown;
  // The protocol of a Memscope SDK we cannot speak to, learnt from its hello.
  let otherProtocol: number | undefined;
  let statsTimer: ReturnType<typeof setTimeout> | undefined;
  let statusPending = false;

  const send = (message: ExtensionMessage | unknown) => port.post(message);
  const sendStats = () => {
    statsTimer = undefined;
    stats.queueDropped = port.dropped;
    send({ kind: 'ext/relay-stats', data: { ...stats, reasons: { ...stats.reasons } } } satisfies ExtensionMessage);
  };
  const statsChanged = () => {
    statsTimer ??= setTimeout(sendStats, STATS_INTERVAL_MS);
  };
  const sendStatus = () => {
    statusPending = false;
    const data = { url: win.location.href, sdkDetected: lastHello !== undefined, ...(otherProtocol !== undefined && { otherProtocol }) };
    send({ kind: 'ext/page-status', data } satisfies ExtensionMessage);
  };

  const onPageMessage = (event: MessageEvent) => {
    // Frames and other windows can post to us too; only this window's own scripts may speak.
    if (event.source !== win) return;
    const data: unknown = event.data;
    const result = parseSdkEnvelope(data);
    if (result.ok) {
      if (result.envelope.kind === 'sdk/hello') lastHello = result.envelope;
      send(result.envelope);
      return;
    }
    // Our own panel commands come back to us through the same channel.
    if (result.reason === 'kind' && parsePanelCommand(data).ok) return;
    if (result.reason === 'version') {
      const { v, kind } = data as { v?: unknown; kind?: unknown };
      if (kind === 'sdk/hello' && typeof v === 'number' && Number.isSafeInteger(v)) otherProtocol = v;
    }
    if (result.reason === 'foreign') stats.ignored++;
    else {
      stats.rejected++;
      stats.reasons[result.reason] = (stats.reasons[result.reason] ?? 0) + 1;
    }
    statsChanged();
  };

  const onPanelMessage = (message: unknown) => {
    const result = parsePanelCommand(message);
    if (!result.ok) return;
    win.postMessage(result.envelope, win.location.origin === 'null' ? '*' : win.location.origin);
    if (result.envelope.kind !== 'panel/subscribe') return;
    sendStats();
    // While the page is still loading the SDK may not have announced itself yet: wait for the load
    // event before saying it is missing, so a panel does not flash "SDK not detected" on every reload.
    if (lastHello !== undefined || win.document.readyState === 'complete') sendStatus();
    else if (!statusPending) {
      statusPending = true;
      win.addEventListener('load', () => setTimeout(sendStatus, 0), { once: true });
    }
  };

  const port = env.openPort({
    onMessage: onPanelMessage,
    // After a service-worker restart, tell the new worker (and any panel) who is on this page again.
    onConnect: () => {
      if (lastHello !== undefined) port.post(lastHello);
    },
  });
  win.addEventListener('message', onPageMessage);
  return () => {
    win.removeEventListener('message', onPageMessage);
    if (statsTimer !== undefined) clearTimeout(statsTimer);
    port.close();
  };
}
