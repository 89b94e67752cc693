import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createReconnectingPort } from '../shared/reconnecting-port.js';
import { panelPortName } from '../shared/ports.js';
import { createPanelStore } from './store/store.js';
import { PanelStoreContext } from './store/use-panel.js';
import { App } from './App.js';
import './panel.css';

/** The inspected tab: from DevTools, or from `?tabId=` when the panel page is opened directly. */
function inspectedTabId(): number {
  const fromDevtools = chrome.devtools?.inspectedWindow?.tabId;
  if (typeof fromDevtools === 'number') return fromDevtools;
  return Number(new URLSearchParams(location.search).get('tabId'));
}

const themeName = chrome.devtools?.panels?.themeName;
document.documentElement.dataset.theme = themeName === 'dark' ? 'dark' : 'light';

const tabId = inspectedTabId();
let port: ReturnType<typeof createReconnectingPort> | undefined;
const panel = createPanelStore((command) => port?.post(command));
port = createReconnectingPort({
  connect: () => chrome.runtime.connect({ name: panelPortName(tabId) }),
  onMessage: (message) => panel.dispatch({ type: 'message', message }),
  onConnect: () => panel.dispatch({ type: 'port-connected' }),
  onDisconnect: () => panel.dispatch({ type: 'port-disconnected' }),
  // Commands are only worth sending to a live worker; a reconnect re-subscribes anyway.
  maxQueue: 10,
});
// A read-only handle for tests and for debugging the panel from its own console.
Object.defineProperty(window, '__MEMSCOPE_PANEL__', { value: Object.freeze({ getState: () => panel.store.getState() }) });
chrome.devtools?.network?.onNavigated.addListener(() => panel.dispatch({ type: 'navigated' }));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PanelStoreContext.Provider value={panel}>
      <App />
    </PanelStoreContext.Provider>
  </StrictMode>,
);
