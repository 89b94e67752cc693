import { useState } from 'react';
import { usePanel } from './store/use-panel.js';
import { Toolbar } from './components/Toolbar.js';
import { ConnectionStatus } from './components/ConnectionStatus.js';
import { OverviewView } from './views/overview/OverviewView.js';

const VIEWS = [{ id: 'overview', label: 'Overview', View: OverviewView }] as const;

/** The Memory panel: toolbar, connection line, and a tab strip of views. */
export function App() {
  const connection = usePanel((s) => s.connection);
  const url = usePanel((s) => s.session?.url ?? '');
  const sid = usePanel((s) => s.session?.sid ?? '');
  const otherProtocol = usePanel((s) => s.otherProtocol);
  const [active, setActive] = useState<(typeof VIEWS)[number]['id']>('overview');
  const current = VIEWS.find((v) => v.id === active) ?? VIEWS[0];
  return (
    <div className="app">
      <header className="header">
        <Toolbar />
        <nav role="tablist" aria-label="Views" className="tabs">
          {VIEWS.map((v) => (
            <button key={v.id} role="tab" type="button" aria-selected={v.id === active} onClick={() => setActive(v.id)}>
              {v.label}
            </button>
          ))}
        </nav>
      </header>
      <ConnectionStatus state={connection} url={url} sid={sid} otherProtocol={otherProtocol} />
      <main role="tabpanel" aria-label={current.label}>
        <current.View />
      </main>
    </div>
  );
}
