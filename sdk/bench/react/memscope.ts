// Memscope: the installer, then the tracker as createMemscope builds it; the hook's time is measured
// by listeners placed just before and just after the tracker's own. The mode comes from the page
// (full: counts, reasons, timings; counts: renders, mounts and unmounts only).
import './install-first.js';
import { ReactTracker } from '../../src/react/tracker.js';
import { expose, hookTimes } from './app.js';

const state = globalThis.__MEMSCOPE_REACT__!;
let start = 0;
state.listeners.add({ commit: () => void (start = performance.now()) });
const tracker = new ReactTracker(state, { mode: (window as unknown as { __mode?: 'full' | 'counts' }).__mode ?? 'full', stormRendersPerSecond: 1e6, slowRenderMs: 1e4, maxHookMs: 1e3 }, () => {});
state.listeners.add({ commit: () => void hookTimes.push(performance.now() - start) });

expose(() => {
  const row = Array.from({ length: tracker.table.size }, (_, i) => tracker.component(i)).find((c) => c.name === 'Label');
  return { labelRenders: row?.renders ?? 0, mode: tracker.status().mode };
});
