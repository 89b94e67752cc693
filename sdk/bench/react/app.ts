// The benchmark's workload: a 1,000-row list whose every row re-renders on each update:
// App + 1,000 × (Row, Cell, Label) = 3,001 composite renders per commit.
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';

const ROWS = 1000;
const indices = Array.from({ length: ROWS }, (_, i) => i);

function Label({ text }: { text: string }) {
  return h('span', null, text);
}
function Cell({ value }: { value: number }) {
  return h(Label, { text: String(value) });
}
function Row({ index, tick }: { index: number; tick: number }) {
  return h('li', null, h(Cell, { value: index + tick }));
}
function App({ tick }: { tick: number }) {
  return h('ul', null, indices.map((i) => h(Row, { key: i, index: i, tick })));
}

/** Hook timings a variant records per commit, in milliseconds. */
export const hookTimes: number[] = [];

/** Mounts the app, then runs `commits` updates; returns React's time per update (render + commit, hook included). */
export function runUpdates(commits: number): number[] {
  let container = document.getElementById('bench');
  if (!container) {
    container = document.createElement('div');
    container.id = 'bench';
    document.body.appendChild(container);
  }
  const root = (window as unknown as { __root?: ReturnType<typeof createRoot> }).__root ?? createRoot(container);
  (window as unknown as { __root?: ReturnType<typeof createRoot> }).__root = root;
  const times: number[] = [];
  const base = (window as unknown as { __tick?: number }).__tick ?? 0;
  for (let i = 1; i <= commits; i++) {
    const start = performance.now();
    flushSync(() => root.render(h(App, { tick: base + i })));
    times.push(performance.now() - start);
  }
  (window as unknown as { __tick?: number }).__tick = base + commits;
  return times;
}

declare global {
  interface Window {
    bench: { runUpdates: typeof runUpdates; hookTimes: number[]; takeHookTimes(): number[]; check?(): unknown };
  }
}

/** Exposes the workload to the benchmark driver. */
export function expose(check?: () => unknown): void {
  window.bench = {
    runUpdates,
    hookTimes,
    takeHookTimes: () => hookTimes.splice(0),
    ...(check && { check }),
  };
}
