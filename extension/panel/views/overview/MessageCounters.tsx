import type { MessageCounters as Counters } from '../../store/state.js';
import { formatCount } from '../../lib/format.js';

const ROWS: { key: keyof Counters; label: string; testId: string; title: string }[] = [
  { key: 'received', label: 'Received', testId: 'received-count', title: 'Valid messages from the SDK' },
  { key: 'rejected', label: 'Rejected', testId: 'rejected-count', title: 'Memscope messages that failed validation (forged or malformed)' },
  { key: 'ignored', label: 'Ignored', testId: 'ignored-count', title: "Other scripts' postMessage traffic" },
  { key: 'dropped', label: 'Dropped', testId: 'dropped-count', title: 'Lost to full buffers or queues' },
  { key: 'gaps', label: 'Resyncs', testId: 'gap-count', title: 'Missing batches that made the panel ask for a new snapshot' },
];

/** How many messages the panel received, rejected, ignored and lost. */
export function MessageCounters({ counters, reasons }: { counters: Counters; reasons: Record<string, number> }) {
  const reasonText = Object.entries(reasons).map(([k, v]) => `${k}: ${v}`).join(', ');
  return (
    <section className="card">
      <h2>Messages</h2>
      <dl className="counters">
        {ROWS.map((row) => (
          <div key={row.key} title={row.key === 'rejected' && reasonText ? `${row.title} (${reasonText})` : row.title}>
            <dt>{row.label}</dt>
            <dd data-testid={row.testId} data-value={counters[row.key]}>{formatCount(counters[row.key])}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
