import { createContext, memo, useContext, useEffect, useMemo, useState } from 'react';
import { usePerformanceTracking } from 'memscope/react';
import type { Variant } from './Variant.js';

const ROWS = 500;
const TICK_MS = 30;

interface Highlight {
  colour: string;
}
const HighlightContext = createContext<Highlight>({ colour: 'transparent' });
HighlightContext.displayName = 'Highlight';

/** One row; it reads the highlight colour from context. */
const StormRow = memo(function StormRow({ index }: { index: number }) {
  const { colour } = useContext(HighlightContext);
  return <li style={{ borderLeft: `3px solid ${colour}` }}>Row {index}</li>;
});

function StormList() {
  usePerformanceTracking('StormList', { maxRendersPerSecond: 10 });
  useContext(HighlightContext);
  return (
    <ul className="storm-list">
      {Array.from({ length: ROWS }, (_, i) => (
        <StormRow key={i} index={i} />
      ))}
    </ul>
  );
}

/** A clock that ticks every 30 ms; only it needs the tick. */
function useTick(running: boolean): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => setTick((t) => t + 1), TICK_MS);
    return () => clearInterval(id);
  }, [running]);
  return tick;
}

/** Faulty: the provider's value is a new object on every tick, so every consumer re-renders every tick. */
function FaultyStorm({ running }: { running: boolean }) {
  const tick = useTick(running);
  return (
    <HighlightContext.Provider value={{ colour: 'orange' }}>
      <p>Ticks: {tick}</p>
      <StormList />
    </HighlightContext.Provider>
  );
}

/** Fixed: the tick lives in its own component, and the provider's value is memoised. */
function TickLabel({ running }: { running: boolean }) {
  const tick = useTick(running);
  return <p>Ticks: {tick}</p>;
}
function FixedStorm({ running }: { running: boolean }) {
  const value = useMemo(() => ({ colour: 'orange' }), []);
  return (
    <HighlightContext.Provider value={value}>
      <TickLabel running={running} />
      <StormList />
    </HighlightContext.Provider>
  );
}

/** A list of 500 rows under a context that a 30 ms clock keeps recreating (faulty) or does not (fixed). */
export function RenderStorm({ variant }: { variant: Variant }) {
  const [running, setRunning] = useState(false);
  return (
    <section className="scenario">
      <h2>Render storm</h2>
      <p>
        A clock ticks every {TICK_MS} ms beside a list of {ROWS} rows that read a highlight colour from context. In the faulty variant the
        context value is a new object on each tick, so every row re-renders ~33 times a second. The Components view shows it.
      </p>
      <button type="button" onClick={() => setRunning((r) => !r)}>
        {running ? 'Stop the clock' : 'Start the clock'}
      </button>
      {variant === 'faulty' ? <FaultyStorm running={running} /> : <FixedStorm running={running} />}
    </section>
  );
}
