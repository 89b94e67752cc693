import type { ComponentStat, ReactStatus } from 'memscope/protocol';
import { formatCountOf, plural } from '../../lib/format.js';

/**
 * Components kept alive after unmount, and what is still waiting to be judged. The SDK judges an
 * unmounted component only once two garbage collections have passed since it unmounted and one of them
 * could free detached DOM (retention.ts), so right after a leaky dialog closes this says how many are
 * waiting and how to judge them now, instead of an empty list that reads as "no leak".
 */
export function RetainedCard({
  components,
  retention,
  onSelect,
}: {
  components: ComponentStat[];
  retention: ReactStatus['retention'];
  /** Selects a retained component in the table, for its details. */
  onSelect: (id: number) => void;
}) {
  const retained = components.filter((c) => c && c.retained > 0).sort((a, b) => b.retained - a.retained);
  const { supported, watching, unwatched, gcCycles } = retention;
  // With nothing to report, the card is one line, leaving the height to the table.
  const quiet = supported && retained.length === 0 && watching === 0 && unwatched === 0;
  return (
    <section className={quiet ? 'card card-quiet' : 'card'}>
      <h2>Retained after unmount</h2>
      {!supported ? (
        <p className="muted" data-testid="retained-list" data-value={0}>
          This browser has no WeakRef or FinalizationRegistry, so unmounted components cannot be checked.
        </p>
      ) : retained.length === 0 ? (
        <p className="muted" data-testid="retained-list" data-value={0}>
          {watching > 0 ? 'Nothing retained so far.' : 'Nothing retained: every unmounted component checked so far was released.'}
        </p>
      ) : (
        <ul className="retained" data-testid="retained-list" data-value={retained.reduce((n, c) => n + c.retained, 0)}>
          {retained.map((c) => (
            <li key={c.id} data-component={c.name} data-value={c.retained}>
              <button type="button" className="link" onClick={() => onSelect(c.id)} title="Show its details">
                {c.name}
              </button>
              : {formatCountOf(c.retained, 'unmounted instance')} still alive after garbage collection. Something outside React (a
              subscription, a listener, a module-level array) still holds {plural(c.retained, 'it', 'them')}.
            </li>
          ))}
        </ul>
      )}
      {supported && watching > 0 && (
        <p className="muted" data-testid="retention-pending" data-value={watching}>
          {formatCountOf(watching, 'unmounted component')} waiting to be checked: each is judged once two garbage collections
          have passed since it unmounted ({formatCountOf(gcCycles, 'collection')} seen since the page loaded). To judge{' '}
          {plural(watching, 'it', 'them')} now, click Collect garbage (the bin icon in DevTools' Memory panel) twice.
        </p>
      )}
      {unwatched > 0 && (
        <p className="muted" data-testid="retention-unwatched" data-value={unwatched}>
          {formatCountOf(unwatched, 'unmounted component')} {plural(unwatched, 'was', 'were')} not checked: too many were
          waiting at once, or more were retained than the list keeps.
        </p>
      )}
    </section>
  );
}
