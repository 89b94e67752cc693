import { REASON_SAMPLES_PER_COMMIT } from 'memscope/protocol';
import type { ComponentStat } from 'memscope/protocol';
import { formatCount, formatCountOf } from '../../lib/format.js';
import { formatRenderMs, lastReasonsText, REASON_LABELS } from './reasons.js';
import { averageMs } from './sort.js';

/**
 * The selected component, in full: its counts, every reason it rendered for (the table shows only
 * the last), and its render times. The reasons answer "why does this keep rendering?" over the whole
 * session, as React DevTools' profiler answers it for one commit at a time.
 */
export function ComponentDetails({ component: c }: { component: ComponentStat | undefined }) {
  if (!c) {
    return (
      <section className="card details details-empty" data-testid="component-details">
        <h2>Details</h2>
        <p className="muted">Select a component to see why it rendered: click its row, or use the arrow keys in the table.</p>
      </section>
    );
  }
  const examined = REASON_LABELS.map(([key]) => c.reasons[key]);
  const most = Math.max(1, ...examined);
  const timed = c.totalMs > 0;
  return (
    <section className="card details" data-testid="component-details" data-component={c.name}>
      <h2 className="truncate" title={c.name}>
        {c.name}
      </h2>
      <dl className="counters">
        {(
          [
            ['Renders', c.renders],
            ['Mounts', c.mounts],
            ['Unmounts', c.unmounts],
            ['Live', c.live],
            ['Retained', c.retained],
          ] as const
        ).map(([label, value]) => (
          <div key={label} data-field={label.toLowerCase()} data-value={value}>
            <dt>{label}</dt>
            <dd>{formatCount(value)}</dd>
          </div>
        ))}
      </dl>
      <h3>Why it rendered</h3>
      {examined.every((n) => n === 0) ? (
        <p className="muted" data-testid="reasons-none">
          {c.renders === 0 ? 'No render since the counters were reset.' : 'None of its renders has been examined yet.'}
        </p>
      ) : (
        <ul className="reasons" aria-label={`Why ${c.name} rendered`}>
          {REASON_LABELS.map(([key, label], i) => (
            <li key={key} data-reason={key} data-value={examined[i]}>
              <span className="reason-label">{label}</span>
              <span className="reason-bar" aria-hidden="true">
                <span style={{ width: `${(examined[i]! / most) * 100}%` }} />
              </span>
              <span className="num">{formatCount(examined[i])}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="muted">
        Counts of examined renders; one can have several reasons. A list's rows render for the same reason, so at most{' '}
        {formatCountOf(REASON_SAMPLES_PER_COMMIT, 'render')} of a component are examined per commit.
      </p>
      <p data-testid="last-reasons">
        <span className="muted">Last render: </span>
        {lastReasonsText(c)}
      </p>
      <p data-testid="render-times">
        <span className="muted">Render time: </span>
        {timed
          ? `self ${formatRenderMs(c.selfMs)} ms in all, ${formatRenderMs(averageMs(c))} ms a render with children, slowest ${formatRenderMs(c.maxMs)} ms`
          : 'not measured (React times renders only in development and profiling builds)'}
      </p>
    </section>
  );
}
