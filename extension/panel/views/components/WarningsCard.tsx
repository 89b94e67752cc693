import type { RenderWarning } from 'memscope/protocol';
import { formatCount } from '../../lib/format.js';

/** Render-storm and slow-render warnings, the latest first; nothing when there are none. */
export function WarningsCard({ warnings }: { warnings: readonly RenderWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <section className="card">
      <h2>
        Warnings <span className="muted">({formatCount(warnings.length)})</span>
      </h2>
      <ul className="warnings" data-testid="render-warnings">
        {[...warnings]
          .sort((a, b) => b.lastAt - a.lastAt)
          .map((w) => (
            <li key={`${w.kind}:${w.component}`} data-warning-kind={w.kind} data-component={w.component} data-value={w.value} data-count={w.count}>
              <span className={`badge badge-${w.kind === 'render-storm' ? 'unavailable' : 'coarse'}`}>{w.kind}</span> {w.message}
              {w.count > 1 && <span className="muted"> ×{formatCount(w.count)}</span>}
            </li>
          ))}
      </ul>
    </section>
  );
}
