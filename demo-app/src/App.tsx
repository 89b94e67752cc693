import { useState } from 'react';
import { RetainMemory } from './scenarios/RetainMemory.js';
import { RenderStorm } from './scenarios/RenderStorm.js';
import { LeakyDialog } from './scenarios/LeakyDialog.js';
import { ManyComponents } from './scenarios/ManyComponents.js';
import { Leaks } from './scenarios/Leaks.js';
import { SlowRender } from './scenarios/SlowRender.js';
import { VariantToggle } from './scenarios/Variant.js';
import type { Variant } from './scenarios/Variant.js';

/** The demo's screens; `variants`: it has a faulty and a fixed version, chosen by the toggle. */
const SCREENS = {
  memory: { label: 'Retained memory', Screen: RetainMemory },
  storm: { label: 'Render storm', Screen: RenderStorm, variants: true },
  dialog: { label: 'Leaky dialog', Screen: LeakyDialog, variants: true },
  many: { label: 'Many components', Screen: ManyComponents },
  slow: { label: 'Slow render', Screen: SlowRender, variants: true },
  leaks: { label: 'Leak scenarios', Screen: Leaks, variants: true },
} as const;
type ScreenId = keyof typeof SCREENS;

function fromUrl(): { screen: ScreenId; variant: Variant } {
  const params = new URLSearchParams(location.search);
  const screen = params.get('screen');
  return {
    screen: screen && screen in SCREENS ? (screen as ScreenId) : 'memory',
    variant: params.get('variant') === 'fixed' ? 'fixed' : 'faulty',
  };
}

/** The demo: one screen per scenario, each with a faulty and a fixed variant. `?screen=storm&variant=fixed` opens one directly. */
export function App() {
  const [{ screen, variant }, setState] = useState(fromUrl);
  const go = (next: { screen: ScreenId; variant: Variant }) => {
    setState(next);
    const scenario = new URLSearchParams(location.search).get('scenario');
    history.replaceState(null, '', `?screen=${next.screen}&variant=${next.variant}${scenario ? `&scenario=${scenario}` : ''}`);
  };
  const { Screen } = SCREENS[screen];
  return (
    <main>
      <h1>Memscope demo</h1>
      <p>
        Open DevTools and the <strong>Memory</strong> panel added by the Memscope extension.
      </p>
      <nav aria-label="Scenarios" className="screens">
        {(Object.keys(SCREENS) as ScreenId[]).map((id) => (
          <button key={id} type="button" aria-current={id === screen ? 'page' : undefined} onClick={() => go({ screen: id, variant })}>
            {SCREENS[id].label}
          </button>
        ))}
      </nav>
      {'variants' in SCREENS[screen] && <VariantToggle variant={variant} onChange={(v) => go({ screen, variant: v })} />}
      <Screen variant={variant} />
    </main>
  );
}
