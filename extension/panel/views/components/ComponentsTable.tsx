import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ComponentStat } from 'memscope/protocol';
import { formatCount } from '../../lib/format.js';
import { nextRow } from './keyboard.js';
import { formatRenderMs, lastReasonsText } from './reasons.js';
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

const isTimeColumn = (key: SortKey) => key.endsWith('Ms');

/** The most rendered first. */
const DEFAULT_SORT: { key: SortKey; descending: boolean } = { key: 'renders', descending: true };

function cell(c: ComponentStat, key: SortKey): string {
  const value = columnValue(c, key);
  if (typeof value === 'string') return value;
  return isTimeColumn(key) ? formatRenderMs(value) : formatCount(value);
}

/** What the table needs besides the rows: the selected component, and how to change it. */
export interface Selection {
  /** The id of the selected component, if any. */
  selectedId: number | undefined;
  /** Selects a component by id; undefined clears the selection. */
  onSelect: (id: number | undefined) => void;
}

/** The DOM id of a component's row, for `aria-activedescendant`. */
const rowId = (id: number) => `component-row-${id}`;

/**
 * The per-component table: sortable by every column, filterable by name, virtualised for thousands of
 * rows. A grid in ARIA terms: it takes focus as one stop, and the arrow keys, Page Up and Down, Home and
 * End move the selected row (Escape clears it). Focus stays on the table and names the selected row
 * through `aria-activedescendant`, rather than moving onto rows that the virtualiser may unmount when
 * they scroll out of view.
 */
export function ComponentsTable({
  components,
  selectedId,
  onSelect,
  actions,
  timed = true,
}: {
  components: ComponentStat[];
  /** Buttons at the end of the table's toolbar (the view's reset). */
  actions?: ReactNode;
  /**
   * False when the page's React measures no render times (production builds): the time columns, which
   * would read "—" on every row, are left out, giving their width to the names and reasons.
   */
  timed?: boolean;
} & Selection) {
  const [filter, setFilter] = useState('');
  const [chosenSort, setSort] = useState(DEFAULT_SORT);
  const columns = timed ? COLUMNS : COLUMNS.filter((col) => !isTimeColumn(col.key));
  // A sort by a column no longer shown falls back to the default.
  const sort = columns.some((col) => col.key === chosenSort.key) ? chosenSort : DEFAULT_SORT;
  const rows = useMemo(() => visibleRows(components, filter, sort.key, sort.descending), [components, filter, sort.key, sort.descending]);
  const scroller = useRef<HTMLDivElement>(null);
  // The sticky header sits above the rows in the same scroller: the virtualiser counts it as the rows'
  // offset (scrollMargin), and keeps a row scrolled into view from ending up under it (scrollPaddingStart).
  const header = useRef<HTMLTableSectionElement>(null);
  const [headerHeight, setHeaderHeight] = useState(ROW_HEIGHT);
  useLayoutEffect(() => {
    const height = header.current?.offsetHeight;
    if (height && height !== headerHeight) setHeaderHeight(height);
  });
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: headerHeight,
    scrollPaddingStart: headerHeight,
  });
  const items = virtualizer.getVirtualItems();
  // Item offsets include the header; the spacer rows do not.
  const padTop = (items[0]?.start ?? headerHeight) - headerHeight;
  const padBottom = virtualizer.getTotalSize() - ((items[items.length - 1]?.end ?? headerHeight) - headerHeight);
  // -1 when nothing is selected or the filter hides the selected component.
  const selectedIndex = selectedId === undefined ? -1 : rows.findIndex((c) => c.id === selectedId);

  const sortBy = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, descending: !s.descending } : { key, descending: key !== 'name' }));

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    // Keys on the sort buttons in the header stay theirs.
    if (e.target !== e.currentTarget) return;
    if (e.key === 'Escape' && selectedId !== undefined) {
      e.preventDefault();
      onSelect(undefined);
      return;
    }
    // A page is the rows in view, less one, so the row selected before stays in sight.
    const pageRows = (scroller.current?.clientHeight ?? 0) / ROW_HEIGHT - 1;
    const next = nextRow(e.key, selectedIndex, rows.length, pageRows);
    if (next === undefined) return;
    e.preventDefault();
    virtualizer.scrollToIndex(next, { align: 'auto' });
    onSelect(rows[next]!.id);
  };

  return (
    <section className="card components-table">
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
        {actions}
      </div>
      <div className="table-scroll" ref={scroller}>
        <table
          className="table"
          role="grid"
          aria-label="Components"
          // The header row counts as one: rows are numbered from 2 below.
          aria-rowcount={rows.length + 1}
          aria-activedescendant={selectedIndex >= 0 ? rowId(selectedId!) : undefined}
          tabIndex={0}
          onKeyDown={onKeyDown}
          data-testid="components-table"
        >
          <thead ref={header}>
            <tr aria-rowindex={1}>
              {columns.map((col) => (
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
              const selected = c.id === selectedId;
              return (
                <tr
                  key={c.id}
                  id={rowId(c.id)}
                  aria-rowindex={item.index + 2}
                  aria-selected={selected}
                  data-component={c.name}
                  style={{ height: ROW_HEIGHT }}
                  className={c.retained > 0 ? 'row-retained' : undefined}
                  onClick={() => onSelect(c.id)}
                >
                  {columns.map((col) => (
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
                  <td className="truncate" data-column="reasons" title={lastReasonsText(c)}>
                    {lastReasonsText(c)}
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
