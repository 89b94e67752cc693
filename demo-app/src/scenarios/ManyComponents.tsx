import { useState } from 'react';

const COUNT = 5000;

/** 5,000 distinct component types, as a large app has: each its own function with its own name. */
const TYPES = Array.from({ length: COUNT }, (_, i) => {
  const Generated = ({ n }: { n: number }) => <i>{n % 10}</i>;
  Generated.displayName = `Generated${i}`;
  return Generated;
});

/** A stress screen for the Components view: 5,000 distinct components, re-rendered on demand. */
export function ManyComponents(_props: { variant?: unknown }) {
  const [n, setN] = useState(0);
  return (
    <section className="scenario">
      <h2>Many components</h2>
      <p>{COUNT.toLocaleString('en-US')} distinct component types, for the Components view to list, sort and filter.</p>
      <button type="button" onClick={() => setN((x) => x + 1)}>
        Re-render all
      </button>
      <div className="many">
        {TYPES.map((Type, i) => (
          <Type key={i} n={n + i} />
        ))}
      </div>
    </section>
  );
}
