import { NS, PROTOCOL_VERSION, isPanelCommandKind } from 'memscope/protocol';
import type { ExtensionMessage, PanelCommandEnvelope } from 'memscope/protocol';
import { PAGE_PORT, tabIdOfPanelPort } from '../shared/ports.js';

/** The parts of `chrome.runtime.Port` the router uses (so tests can pass plain objects). */
export interface RouterPort {
  name: string;
  sender?: { tab?: { id?: number }; frameId?: number; url?: string; id?: string };
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

interface TabPorts {
  page?: RouterPort;
  panels: Set<RouterPort>;
}

function post(port: RouterPort, message: unknown): void {
  try {
    port.postMessage(message);
  } catch {
    // The port closed between our check and the post; its onDisconnect will clean up.
  }
}

const ext = (message: ExtensionMessage) => message;

const unsubscribe: PanelCommandEnvelope = { ns: NS, v: PROTOCOL_VERSION, sid: '', seq: 0, kind: 'panel/unsubscribe', data: {} };

/**
 * A stateless router between each tab's page relay and that tab's panels. Everything it holds is
 * rebuilt from the ports that reconnect after the service worker restarts, so it needs no storage
 * and no keep-alive.
 */
export class Router {
  readonly #tabs = new Map<number, TabPorts>();

  constructor(readonly extensionOrigin: string) {}

  /** Handles a new runtime connection; ports of unknown names or senders are refused. */
  connect(port: RouterPort): void {
    if (port.name === PAGE_PORT) return this.#connectPage(port);
    const tabId = tabIdOfPanelPort(port.name);
    // A panel runs on our own origin; a content script cannot open a panel port for another tab.
    if (tabId !== undefined && port.sender?.url?.startsWith(this.extensionOrigin) && port.sender.tab === undefined) {
      return this.#connectPanel(port, tabId);
    }
    port.disconnect();
  }

  /** Tabs with at least one live port (for tests and debugging). */
  get size(): number {
    return this.#tabs.size;
  }

  #tab(tabId: number): TabPorts {
    let tab = this.#tabs.get(tabId);
    if (!tab) this.#tabs.set(tabId, (tab = { panels: new Set() }));
    return tab;
  }

  #forget(tabId: number, tab: TabPorts): void {
    if (!tab.page && tab.panels.size === 0) this.#tabs.delete(tabId);
  }

  #connectPage(port: RouterPort): void {
    // The tab id comes from Chrome, never from the page.
    const tabId = port.sender?.tab?.id;
    if (tabId === undefined || (port.sender?.frameId ?? 0) !== 0) return port.disconnect();
    const tab = this.#tab(tabId);
    if (tab.page && tab.page !== port) tab.page.disconnect();
    tab.page = port;
    port.onMessage.addListener((message) => {
      // No panel: drop it. The SDK keeps its own buffers and sends a snapshot when a panel subscribes.
      for (const panel of tab.panels) post(panel, message);
    });
    port.onDisconnect.addListener(() => {
      if (tab.page !== port) return;
      tab.page = undefined;
      for (const panel of tab.panels) post(panel, ext({ kind: 'ext/page-disconnected', data: {} }));
      this.#forget(tabId, tab);
    });
    const url = port.sender?.url ?? '';
    for (const panel of tab.panels) post(panel, ext({ kind: 'ext/page-connected', data: { url } }));
  }

  #connectPanel(port: RouterPort, tabId: number): void {
    const tab = this.#tab(tabId);
    tab.panels.add(port);
    port.onMessage.addListener((message) => {
      // Only the allowlisted commands go toward a page; the relay validates them again.
      const kind = (message as { kind?: unknown } | null)?.kind;
      if (tab.page && isPanelCommandKind(kind)) post(tab.page, message);
    });
    port.onDisconnect.addListener(() => {
      tab.panels.delete(port);
      if (tab.panels.size === 0 && tab.page) post(tab.page, unsubscribe);
      this.#forget(tabId, tab);
    });
    post(
      port,
      tab.page
        ? ext({ kind: 'ext/page-connected', data: { url: tab.page.sender?.url ?? '' } })
        : ext({ kind: 'ext/page-disconnected', data: {} }),
    );
  }
}
