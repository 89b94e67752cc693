import { useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ComponentStat } from 'memscope/protocol';
import { formatCount } from '../../lib/format.js';
import { columnValue, visibleRows } from './sort.js';
import type { SortKey } from './sort.js';

const ROW_HEIGHT = 20;

const COLUMNS: { key: SortKey; label: string; title: string; numeric: boolean }[] = [
  { key: 'name', label: 'Component', title: 'Component name (memo, forwardRef and lazy unwrapped)', numeric: false },
  { key: 'renders', label: 'Renders', title: 'Renders since load or reset, mounts included', numeric: true },
  { key: 'mounts', label: 'Mounts', title: 'Instances mounted', numeric: true },
  { key: 'live', label: 'Live', title: 'Instances mounted now', numeric: true },
  { key: 'retained', label: 'Retained', title: 'Unmounted instances still alive after two garbage collections', numeric: true },
  { key: 'selfMs', label: 'Self ms', title: 'Render time without children, summed (development and profiling builds)', numeric: true },
  { key: 'avgMs', label: 'Avg ms', title: 'Average render time with children', numeric: true },
  { key: 'maxMs', label: 'Max ms', title: 'Slowest render with children', numeric: true },
];

const ms = (n: number) => (n === 0 ? '—' : n < 10 ? n.toFixed(2) : n.toFixed(1));

function cell(c: ComponentStat, key: SortKey): string {
  const value = columnValue(c, key);
  if (typeof value === 'string') return value;
  return key.endsWith('Ms') ? ms(value) : formatCount(value);
}

function reasonsText(c: ComponentStat): string {
  // No render counted since the counters were reset (or since Memscope attached): nothing to explain.
  if (c.renders === 0) return '—';
  // Re-rendered, but no render of it examined yet (large commits sample types in turn; counts-only mode examines none).
  if (c.lastReasons.length === 0) return 'not sampled';
  return c.lastReasons
    .map((r) => (r === 'props' && c.lastPropKeys.length ? `props (${c.lastPropKeys.join(', ')})` : r))
    .join(', ');
}

/** The per-component table: sortable by every column, filterable by name, virtualised for thousands of rows. */
export function ComponentsTable({ components }: { components: ComponentStat[] }) {
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'renders', descending: true });
  const rows = useMemo(() => visibleRows(components, filter, sort.key, sort.descending), [components, filter, sort]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);

  const sortBy = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, descending: !s.descending } : { key, descending: key !== 'name' }));

  return (
    <section className="card">
      <div className="table-toolbar">
        <input
          type="search"
          placeholder="Filter components"
          aria-label="Filter components by name"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          data-testid="components-filter"
        />
        <span className="muted">
          {formatCount(rows.length)} of {formatCount(components.filter(Boolean).length)} components
        </span>
      </div>
      <div className="table-scroll" ref={scroller}>
        <table className="table" data-testid="components-table">
          <thead>
            <tr>
              {COLUMNS.map((col) => (
                <th
                  key={col.key}
                  scope="col"
                  className={col.numeric ? 'num' : undefined}
                  aria-sort={sort.key === col.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                  title={col.title}
                >
                  <button type="button" className="sort" onClick={() => sortBy(col.key)}>
                    {col.label}
                    {sort.key === col.key ? (sort.descending ? ' ▼' : ' ▲') : ''}
                  </button>
                </th>
              ))}
              <th scope="col">Last reasons</th>
            </tr>
          </thead>
          <tbody>
            {padTop > 0 && <tr aria-hidden="true" style={{ height: padTop }} />}
            {items.map((item) => {
              const c = rows[item.index]!;
              return (
                <tr key={c.id} data-component={c.name} style={{ height: ROW_HEIGHT }} className={c.retained > 0 ? 'row-retained' : undefined}>
                  {COLUMNS.map((col) => (
                    <td
                      key={col.key}
                      className={col.numeric ? 'num' : 'truncate'}
                      data-column={col.key}
                      {...(col.numeric && { 'data-value': columnValue(c, col.key) })}
                      title={col.numeric ? undefined : c.name}
                    >
                      {cell(c, col.key)}
                    </td>
                  ))}
                  <td className="truncate" data-column="reasons" title={reasonsText(c)}>
                    {reasonsText(c)}
                  </td>
                </tr>
              );
            })}
            {padBottom > 0 && <tr aria-hidden="true" style={{ height: padBottom }} />}
          </tbody>
        </table>
      </div>
    </section>
  );
}
