import { useDispatch, usePanel } from '../store/use-panel.js';
import { visibleSession } from '../store/state.js';

/** Writes the shown session to a JSON file the user can share. */
function exportSession(session: unknown): void {
  const blob = new Blob([JSON.stringify({ format: 'memscope-session', version: 1, session }, null, 2)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `memscope-session-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** The thin toolbar at the top: clear, pause/resume, export. */
export function Toolbar() {
  const dispatch = useDispatch();
  const paused = usePanel((s) => s.paused);
  const session = usePanel(visibleSession);
  return (
    <div className="toolbar" role="toolbar" aria-label="Memscope">
      <button type="button" onClick={() => dispatch({ type: 'clear' })} title="Clear what is shown">
        Clear
      </button>
      <button type="button" aria-pressed={paused} onClick={() => dispatch({ type: 'set-paused', paused: !paused })} data-testid="pause">
        {paused ? 'Resume' : 'Pause'}
      </button>
      <button type="button" disabled={!session} onClick={() => exportSession(session)} title="Save this session as JSON">
        Export
      </button>
    </div>
  );
}
