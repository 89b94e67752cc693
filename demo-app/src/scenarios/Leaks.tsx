import { useRef, useState } from 'react';
import type { Variant } from './Variant.js';

/**
 * Leak scenarios for memory regression tests. Each "Run once" does one user-sized action; the faulty
 * variant leaks a little at every run, the fixed one does not. The controls grow without leaking:
 * a cache that fills and then holds, a one-time lazy allocation, and heavy temporary garbage.
 */

// Module scope, where real leaks live.
const archive: HTMLElement[] = [];
const seen = new Map<string, number[]>();
const lru = new Map<number, number[]>();
let lazyTable: number[] | undefined;
let runs = 0;

declare global {
  interface Window {
    /** The detached-subtree scenario keeps its archived cards here (faulty variant). */
    archivedCards?: HTMLElement[];
  }
}

const doubles = (n: number, seed: number) => Array.from({ length: n }, (_, i) => i + seed + 0.5);

interface Scenario {
  label: string;
  control?: boolean;
  run(variant: Variant, host: HTMLElement): void;
}

export const SCENARIOS: Record<string, Scenario> = {
  detached: {
    label: 'Detached subtree kept in an array',
    run(variant, host) {
      const card = document.createElement('section');
      card.className = 'archived-card';
      for (let i = 0; i < 50; i++) card.appendChild(document.createElement('p')).textContent = `line ${i}`;
      host.appendChild(card);
      card.remove();
      if (variant === 'faulty') {
        archive.push(card);
        window.archivedCards = archive;
      }
    },
  },
  listener: {
    label: 'Window listener never removed',
    run(variant) {
      const data = doubles(1000, runs);
      const onResize = () => data.length;
      window.addEventListener('resize', onResize);
      if (variant === 'fixed') window.removeEventListener('resize', onResize);
    },
  },
  map: {
    label: 'Module-level Map that only grows',
    run(variant) {
      const key = `search-${runs}`;
      seen.set(key, doubles(20_000, runs));
      if (variant === 'fixed') seen.delete(key);
    },
  },
  interval: {
    label: 'Interval whose closure holds data',
    run(variant) {
      const data = doubles(20_000, runs);
      const id = setInterval(() => data.length, 60_000);
      if (variant === 'fixed') clearInterval(id);
    },
  },
  'bounded-cache': {
    label: 'Control: a bounded cache (3 entries) that fills, then holds',
    control: true,
    run() {
      lru.set(runs, doubles(20_000, runs));
      if (lru.size > 3) lru.delete(lru.keys().next().value!);
    },
  },
  lazy: {
    label: 'Control: a one-time lazy allocation',
    control: true,
    run() {
      lazyTable ??= doubles(250_000, 1);
    },
  },
  garbage: {
    label: 'Control: heavy temporary garbage',
    control: true,
    run() {
      let total = 0;
      for (let i = 0; i < 20; i++) total += doubles(100_000, i).length;
      if (total < 0) console.log(total);
    },
  },
};

/** Runs one leak scenario at a time, chosen by `?scenario=`. */
export function Leaks({ variant }: { variant: Variant }) {
  const [scenario, setScenario] = useState(() => {
    const id = new URLSearchParams(location.search).get('scenario');
    return id && id in SCENARIOS ? id : 'detached';
  });
  const [count, setCount] = useState(0);
  const host = useRef<HTMLDivElement>(null);
  const current = SCENARIOS[scenario]!;
  return (
    <section className="scenario">
      <h2>Leak scenarios</h2>
      <label>
        Scenario{' '}
        <select value={scenario} onChange={(e) => setScenario(e.target.value)} aria-label="Scenario">
          {Object.entries(SCENARIOS).map(([id, s]) => (
            <option key={id} value={id}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <p>{current.control ? 'A control: it allocates, but it does not leak.' : `The ${variant} variant.`}</p>
      <button
        type="button"
        onClick={() => {
          runs++;
          current.run(variant, host.current!);
          setCount((c) => c + 1);
        }}
      >
        Run once
      </button>
      <span data-testid="leak-runs"> Runs: {count}</span>
      <div ref={host} />
    </section>
  );
}
