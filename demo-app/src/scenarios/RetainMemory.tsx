import { useState } from 'react';
import { memscope } from '../memscope.js';

const MB = 1024 * 1024;

/**
 * Keeps `mb` megabytes on the JS heap: an array of doubles is stored unboxed, 8 bytes each, inside the
 * V8 heap (unlike an ArrayBuffer, whose backing store is outside `usedJSHeapSize`).
 */
function allocate(mb: number): number[] {
  const n = (mb * MB) / 8;
  const data = new Array<number>(n);
  for (let i = 0; i < n; i++) data[i] = i + 0.5;
  return data;
}

// Module scope, like the caches and registries that leak in real apps.
const kept: number[][] = [];

/** Allocates and keeps 20 MB per click, and releases it all on demand. */
export function RetainMemory(_props: { variant?: unknown }) {
  const [chunks, setChunks] = useState(0);
  return (
    <section className="scenario">
      <h2>Retained memory</h2>
      <p>Each click keeps 20 MB reachable from a module-level array. Watch heap used rise in the Memory panel.</p>
      <button
        type="button"
        onClick={() => {
          kept.push(allocate(20));
          setChunks(kept.length);
          memscope.mark(`keep 20 MB (#${kept.length})`);
        }}
      >
        Allocate 20 MB
      </button>{' '}
      <button
        type="button"
        onClick={() => {
          kept.length = 0;
          setChunks(0);
          memscope.mark('release');
        }}
      >
        Release
      </button>
      <p data-testid="retained-chunks">
        Holding {chunks * 20} MB in {chunks} chunk{chunks === 1 ? '' : 's'}.
      </p>
    </section>
  );
}
