import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { PanelStore } from './store.js';
import type { PanelState } from './state.js';

/** Provides the panel store to the views. */
export const PanelStoreContext = createContext<PanelStore | undefined>(undefined);

function usePanelStore(): PanelStore {
  const store = useContext(PanelStoreContext);
  if (!store) throw new Error('usePanel must be used inside <PanelStoreContext.Provider>.');
  return store;
}

/** Selects a slice of the panel state; re-renders only when the slice changes (shallowly). */
export function usePanel<T>(selector: (state: PanelState) => T): T {
  return useStore(usePanelStore().store, useShallow(selector));
}

/** The store's dispatch, for toolbar buttons and the like. */
export function useDispatch(): PanelStore['dispatch'] {
  return usePanelStore().dispatch;
}
