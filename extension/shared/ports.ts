/** Name of the runtime port a page's relay (content script) opens to the service worker. */
export const PAGE_PORT = 'memscope/page';

/** Prefix of the runtime port a panel opens; the inspected tab id follows it. */
export const PANEL_PORT_PREFIX = 'memscope/panel:';

/** The port name a panel uses for `tabId`. */
export function panelPortName(tabId: number): string {
  return `${PANEL_PORT_PREFIX}${tabId}`;
}

/** The tab id in a panel port's name, or undefined for any other name. */
export function tabIdOfPanelPort(name: string): number | undefined {
  if (!name.startsWith(PANEL_PORT_PREFIX)) return undefined;
  const id = Number(name.slice(PANEL_PORT_PREFIX.length));
  return Number.isInteger(id) && id >= 0 ? id : undefined;
}
