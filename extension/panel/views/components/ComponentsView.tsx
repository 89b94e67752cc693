import { useState } from 'react';
import { useDispatch, usePanel } from '../../store/use-panel.js';
import { visibleSession } from '../../store/state.js';
import { formatCountOf, formatDuration } from '../../lib/format.js';
import { ComponentDetails } from './ComponentDetails.js';
import { ComponentsTable } from './ComponentsTable.js';
import { RetainedCard } from './RetainedCard.js';
import { WarningsCard } from './WarningsCard.js';

const SETUP = "Add memscope() from 'memscope/vite' to your Vite plugins, or make `import 'memscope/install'` the first line of your entry (before react-dom).";

/** Renders, mounts and retention per component, with render warnings and the SDK's own cost. */
export function ComponentsView() {
  const dispatch = useDispatch();
  const react = usePanel((s) => visibleSession(s)?.react);
  // Ids are stable within a session only: a selection made in the previous page does not carry over.
  const sid = usePanel((s) => visibleSession(s)?.sid);
  const [selection, setSelection] = useState<{ sid: string | undefined; id: number | undefined }>({ sid: undefined, id: undefined });
  const selectedId = selection.sid === sid ? selection.id : undefined;
  const select = (id: number | undefined) => setSelection({ sid, id });
  const state = react?.status.state ?? 'not-installed';
  if (!react || state === 'late' || state === 'not-installed' || state === 'disabled') {
    return (
      <section className="card howto" data-testid="react-status" data-value={state}>
        {state === 'late' ? (
          <p className="banner" role="alert">
            React loaded before the Memscope hook, so its renders cannot be seen.
          </p>
        ) : state === 'disabled' ? (
          <p>React instrumentation is off (createMemscope option react: false).</p>
        ) : (
          <p>React renders are not being counted on this page: the Memscope hook is not installed.</p>
        )}
        {state !== 'disabled' && <p>{SETUP}</p>}
      </section>
    );
  }
  const { status, components, warnings } = react;
  // Production builds of React measure no render times, so those columns stay empty: say why once,
  // judged from the data (a profiling build reports itself as production but does time renders).
  const untimed = status.mode === 'full' && components.some((c) => c && c.renders > 0) && !components.some((c) => c && c.totalMs > 0);
  return (
    <div className="components-view">
      <section className="status-line" data-testid="react-status" data-value={status.state}>
        {status.state === 'no-react' && <p>The hook is installed; no React renderer has loaded yet.</p>}
        {status.renderers.map((r, i) => (
          <span key={i} className="pill">
            {r.packageName} {r.version} ({r.build})
          </span>
        ))}
        {status.wrappedHook && <span className="pill" title="React DevTools or react-refresh was there first; Memscope wraps it">shared hook</span>}
        <span className="pill" title={status.mode === 'counts' ? 'Reasons and timings are off' : 'Counts, reasons and timings'}>
          mode: {status.mode}
        </span>
        <span className="muted" data-testid="hook-cost" data-value={status.hook.p50Ms} title="What Memscope's commit handler costs React, over the recent commits">
          {formatCountOf(status.commits, 'commit')} · Memscope per commit: p50 {formatDuration(status.hook.p50Ms)}, p95{' '}
          {formatDuration(status.hook.p95Ms)}
        </span>
        {untimed && (
          <span className="muted" data-testid="timings-note">
            No render times: React measures them only in development and profiling builds, so the table leaves those columns out.
          </span>
        )}
      </section>
      <div className="components-body">
        <ComponentsTable
          components={components}
          selectedId={selectedId}
          onSelect={select}
          timed={!untimed}
          actions={
            <button type="button" onClick={() => dispatch({ type: 'reset-react' })} data-testid="reset-components" title="Zero the render counters and warnings in the page">
              Reset counters
            </button>
          }
        />
        <div className="components-side">
          <ComponentDetails component={selectedId === undefined ? undefined : components[selectedId]} />
          <div className="findings">
            <WarningsCard warnings={warnings} />
            <RetainedCard components={components} retention={status.retention} onSelect={select} />
          </div>
        </div>
      </div>
    </div>
  );
}
