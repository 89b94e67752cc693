import { useState } from 'react';
import { usePanel } from './store/use-panel.js';
import { Toolbar } from './components/Toolbar.js';
import { ConnectionStatus } from './components/ConnectionStatus.js';
import { OverviewView } from './views/overview/OverviewView.js';
import { ComponentsView } from './views/components/ComponentsView.js';

const VIEWS = [
  { id: 'overview', label: 'Overview', View: OverviewView },
  { id: 'components', label: 'Components', View: ComponentsView },
] as const;

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
            <button
              key={v.id}
              role="tab"
              type="button"
              aria-selected={v.id === active}
              tabIndex={v.id === active ? 0 : -1}
              onClick={() => setActive(v.id)}
              onKeyDown={(e) => {
                // Arrow keys move between tabs, as in DevTools' own tab strips.
                const i = VIEWS.findIndex((x) => x.id === active);
                const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : -2;
                if (next === -2) return;
                const view = VIEWS[(next + VIEWS.length) % VIEWS.length]!;
                setActive(view.id);
                (e.currentTarget.parentElement?.children[VIEWS.indexOf(view)] as HTMLElement | undefined)?.focus();
              }}
            >
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
