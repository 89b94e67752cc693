import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { NS, PROTOCOL_VERSION } from 'memscope/protocol';
import type { PanelCommandEnvelope, PanelCommandKind } from 'memscope/protocol';
import { reduce } from './reducer.js';
import type { PanelAction } from './reducer.js';
import { initialState } from './state.js';
import type { PanelState } from './state.js';

/** The panel's store: zustand state plus a `dispatch` that also sends the commands the reducer asks for. */
export interface PanelStore {
  store: StoreApi<PanelState>;
  dispatch(action: PanelAction): void;
}

/** Creates the store; `send` delivers panel commands to the inspected page. */
export function createPanelStore(send: (command: PanelCommandEnvelope) => void): PanelStore {
  const store = createStore<PanelState>()(() => initialState());
  let seq = 0;
  const command = (kind: PanelCommandKind): PanelCommandEnvelope => ({ ns: NS, v: PROTOCOL_VERSION, sid: '', seq: seq++, kind, data: {} });
  return {
    store,
    dispatch(action) {
      const { state, commands } = reduce(store.getState(), action);
      // One `set` per action, so a batch re-renders each view once.
      if (state !== store.getState()) store.setState(state, true);
      for (const kind of commands) send(command(kind));
    },
  };
}
