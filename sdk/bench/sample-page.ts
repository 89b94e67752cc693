// Runs in the benchmark's Chromium page. Measures what one memory sample costs the app, against
// the floor: reading the same browser APIs by hand, with no buffering or messaging.
import { Engine } from '../src/core/engine.js';
import { resolveOptions } from '../src/core/options.js';

interface Round {
  memscope: number;
  memscopeSubscribed: number;
  raw: number;
}

/** A DOM like a modest app's: 1,500 elements. */
function buildDom(): HTMLElement {
  const root = document.createElement('main');
  for (let i = 0; i < 300; i++) {
    const row = document.createElement('div');
    row.innerHTML = '<span>name</span><span>value</span><button>edit</button><i></i>';
    root.appendChild(row);
  }
  document.body.appendChild(root);
  return root;
}

/** An engine whose timers never fire during a bench: only the samples the bench takes run. */
function quietEngine(): Engine {
  return new Engine(resolveOptions({ sampleIntervalMs: 600_000, uaMemoryIntervalMs: 86_400_000 }));
}

function timeBlock(iterations: number, mutate: () => void, work: () => void): number {
  const start = performance.now();
  for (let i = 0; i < iterations; i++) {
    // Real apps change the DOM between samples, so Blink's cached element count is invalidated.
    mutate();
    work();
  }
  return performance.now() - start;
}

declare global {
  interface Window {
    runSampleBench(rounds: number, iterations: number): Round[];
    runDomChangeBench(count: DomCount, rounds: number): number[];
  }
}

/** What counted the elements before the app changes its DOM: nothing, a Memscope sample, the live-collection idiom, or a static count by hand. */
export type DomCount = 'none' | 'memscope' | 'live' | 'static';

/**
 * The app's side of the element count: after one count, the time of each round of 5,000 element insertions
 * and 5,000 removals, as a list mounting and unmounting makes. A live collection, once created, stays cached
 * on the document until a major GC, so each count runs in a fresh page.
 */
window.runDomChangeBench = (count, rounds) => {
  const root = buildDom();
  let sink = 0;
  if (count === 'memscope') {
    const engine = quietEngine();
    engine.sample();
    engine.stop();
  }
  if (count === 'live') sink += document.getElementsByTagName('*').length;
  if (count === 'static') sink += document.querySelectorAll('*').length;
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    const list = document.createElement('ul');
    root.appendChild(list);
    for (let i = 0; i < 5000; i++) list.appendChild(document.createElement('li'));
    while (list.lastChild) list.lastChild.remove();
    list.remove();
    times.push(performance.now() - start);
  }
  if (sink === -1) console.log(sink);
  return times;
};

window.runSampleBench = (rounds, iterations) => {
  const root = buildDom();
  const toggle = document.createElement('p');
  const mutate = () => (toggle.isConnected ? toggle.remove() : root.appendChild(toggle));
  const quiet = quietEngine();
  const streaming = quietEngine();
  streaming.subscribed = true;
  let sink = 0;
  const raw = () => {
    const memory = (performance as unknown as { memory: { usedJSHeapSize: number; totalJSHeapSize: number; jsHeapSizeLimit: number } }).memory;
    sink += memory.usedJSHeapSize + memory.totalJSHeapSize + memory.jsHeapSizeLimit + document.querySelectorAll('*').length;
  };
  const results: Round[] = [];
  for (let r = 0; r < rounds; r++) {
    // Interleaved, so drift on a shared machine hits every variant alike; the mutation-only block is subtracted.
    const base = timeBlock(iterations, mutate, () => {});
    const a = timeBlock(iterations, mutate, () => quiet.sample());
    const b = timeBlock(iterations, mutate, () => streaming.sample());
    const c = timeBlock(iterations, mutate, raw);
    const per = (t: number) => Math.max(t - base, 0) / iterations;
    results.push({ memscope: per(a), memscopeSubscribed: per(b), raw: per(c) });
  }
  quiet.stop();
  streaming.stop();
  if (sink === -1) console.log(sink);
  return results;
};
