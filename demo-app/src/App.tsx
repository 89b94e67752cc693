import { RetainMemory } from './scenarios/RetainMemory.js';

/** The demo: one section per scenario. Later scenarios (leaks, render storms) join this list. */
export function App() {
  return (
    <main>
      <h1>Memscope demo</h1>
      <p>
        Open DevTools and the <strong>Memory</strong> panel added by the Memscope extension.
      </p>
      <RetainMemory />
    </main>
  );
}
