import type { ComponentStat } from 'memscope/protocol';

/** Columns the table can sort by. */
export type SortKey = 'name' | 'renders' | 'mounts' | 'live' | 'retained' | 'selfMs' | 'avgMs' | 'maxMs';

/** The value a column shows for a component (average render time is derived). */
export function columnValue(c: ComponentStat, key: SortKey): number | string {
  if (key === 'avgMs') return c.renders ? c.totalMs / c.renders : 0;
  return c[key];
}

/** Filters by a case-insensitive name substring and sorts by one column, stably by name within ties. */
export function visibleRows(components: ComponentStat[], filter: string, key: SortKey, descending: boolean): ComponentStat[] {
  const needle = filter.trim().toLowerCase();
  const rows = components.filter((c) => c !== undefined && (!needle || c.name.toLowerCase().includes(needle)));
  const sign = descending ? -1 : 1;
  return rows.sort((a, b) => {
    const x = columnValue(a, key);
    const y = columnValue(b, key);
    const order = typeof x === 'string' ? x.localeCompare(y as string) : x - (y as number);
    return order !== 0 ? sign * order : a.name.localeCompare(b.name);
  });
}
