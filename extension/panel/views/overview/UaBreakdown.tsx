import type { UaMemoryMeasurement } from 'memscope/protocol';
import { formatBytes, formatTime } from '../../lib/format.js';

/** The latest `measureUserAgentSpecificMemory` result, by memory type and attribution. */
export function UaBreakdown({ measurement }: { measurement: UaMemoryMeasurement | undefined }) {
  if (!measurement) return null;
  const rows = [...measurement.breakdown].filter((b) => b.bytes > 0).sort((a, b) => b.bytes - a.bytes);
  return (
    <section className="card">
      <h2>
        User-agent memory <span className="muted">measured {formatTime(measurement.t)}</span>
      </h2>
      {/* In a narrow panel the table scrolls sideways on its own, not the whole panel. */}
      <div className="table-scroll">
        <table className="table" data-testid="ua-breakdown">
          <thead>
            <tr>
              <th scope="col">Type</th>
              <th scope="col">Attribution</th>
              <th scope="col" className="num">Bytes</th>
              <th scope="col" className="num">Share</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                <td>{row.types.join(', ') || '—'}</td>
                <td className="truncate" title={row.attribution.map((a) => a.url ?? a.scope ?? '').join('\n')}>
                  {row.attribution.map((a) => a.scope ?? a.url ?? '').filter(Boolean).join(', ') || 'shared / unattributed'}
                </td>
                <td className="num" data-value={row.bytes}>{formatBytes(row.bytes)}</td>
                <td className="num">{measurement.bytes ? `${((row.bytes / measurement.bytes) * 100).toFixed(1)} %` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
