import { formatDelta } from '../lib/format.js';
import { Sparkline } from './Sparkline.js';

/** Props of {@link Stat}. */
export interface StatProps {
  label: string;
  /** The raw number, written to `data-value` for tests and tools. */
  value: number | undefined;
  format: (n: number | undefined) => string;
  testId: string;
  /** Recent values for the sparkline and the delta (first to last). */
  history?: number[];
  title?: string;
}

/** A headline figure: label, formatted value (raw in `data-value`), signed delta and sparkline. */
export function Stat({ label, value, format, testId, history, title }: StatProps) {
  const first = history?.[0];
  const delta = value !== undefined && first !== undefined && history!.length > 1 ? value - first : undefined;
  return (
    <div className="stat" title={title}>
      <div className="stat-label">{label}</div>
      <div className="stat-value" data-testid={testId} data-value={value ?? ''}>
        {format(value)}
      </div>
      <div className="stat-extra">
        {delta !== undefined && (
          <span className={delta > 0 ? 'delta grow' : delta < 0 ? 'delta shrink' : 'delta'} title="change over the chart's window">
            {formatDelta(delta, (n) => format(n))}
          </span>
        )}
        {history && <Sparkline values={history} />}
      </div>
    </div>
  );
}
