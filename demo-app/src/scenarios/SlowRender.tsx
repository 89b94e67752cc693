import { useMemo, useState } from 'react';
import type { Variant } from './Variant.js';

/** Prices the chart sorts: enough that sorting them takes tens of milliseconds. */
const COUNT = 400_000;

function makePrices(): Float64Array {
  const prices = new Float64Array(COUNT);
  // A fixed sequence (not Math.random), so every run sorts the same work.
  let seed = 7;
  for (let i = 0; i < COUNT; i++) prices[i] = (seed = (seed * 48271) % 2147483647) / 21474836.47;
  return prices;
}

function sortedCopy(prices: Float64Array): number[] {
  // A plain array and a comparator, as app code usually sorts: far slower than a typed-array sort.
  return Array.from(prices).sort((a, b) => a - b);
}

/** Median and spread of the prices; the faulty variant sorts all of them again on every render. */
function PriceChart({ prices, variant }: { prices: Float64Array; variant: Variant }) {
  const memoized = useMemo(() => (variant === 'fixed' ? sortedCopy(prices) : undefined), [prices, variant]);
  const sorted = memoized ?? sortedCopy(prices);
  const at = (q: number) => sorted[Math.floor(q * (sorted.length - 1))]!.toFixed(2);
  return (
    <dl className="stats">
      <dt>Median</dt>
      <dd>{at(0.5)}</dd>
      <dt>10th to 90th percentile</dt>
      <dd>
        {at(0.1)} to {at(0.9)}
      </dd>
    </dl>
  );
}

/** A component that does expensive work while rendering (faulty), or once, memoized (fixed). */
export function SlowRender({ variant }: { variant: Variant }) {
  const [prices] = useState(makePrices);
  const [refreshed, setRefreshed] = useState(0);
  return (
    <section className="scenario">
      <h2>Slow render</h2>
      <p>
        The chart summarises {COUNT.toLocaleString('en-US')} prices. The faulty variant sorts them again on every render, so each refresh
        re-renders it slowly; the fixed one sorts them once with <code>useMemo</code>. Render times (and slow-render warnings) need a
        development or profiling build of React: run the demo with <code>npm run dev -w memscope-demo</code>.
      </p>
      <button type="button" onClick={() => setRefreshed((n) => n + 1)}>
        Refresh
      </button>{' '}
      <span data-testid="refreshed">Refreshed {refreshed} times.</span>
      <PriceChart prices={prices} variant={variant} />
    </section>
  );
}
