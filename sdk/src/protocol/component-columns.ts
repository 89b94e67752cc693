import type { ComponentStat, RenderReason } from './types.js';

/**
 * Component rows as the wire carries them: one array per field, entry `k` of every array belonging to
 * the same component (struct of arrays, not an array of objects).
 *
 * Why columns: a screen of 5,000 components re-rendering together changes every row, so each batch
 * carries all 5,000, several times a second, and the page pays for every object in it: cloning it for
 * `postMessage`, the SDK's own message listener reading it back, the relay (a content script, on the
 * page's main thread) reading and validating it and serialising it again for the extension. As 5,000
 * objects that came to about 40 ms a batch, long tasks of 51 to 64 ms in the app while the panel was
 * open, none with it closed (e2e scratch measurement, the demo's Many components screen re-rendered 30
 * times). Arrays of numbers clone, validate and serialise about twenty times faster (unit timing in
 * Node: 5,000 rows validated in 19.5 ms as objects).
 */
export interface ComponentColumns {
  /** Each row's component id (stable within a session, below `LIMITS.components`). */
  id: number[];
  name: string[];
  renders: number[];
  mounts: number[];
  unmounts: number[];
  retained: number[];
  selfMs: number[];
  totalMs: number[];
  maxMs: number[];
  /** Renders by reason, four entries a row: props, state, context, parent (see `ComponentStat.reasons`). */
  reasons: number[];
  /** The reasons of each row's last examined render, as `REASON_BITS`. */
  lastReasons: number[];
  /** How many of `propKeys` belong to each row, in row order. */
  propKeyCounts: number[];
  /** The changed prop keys of every row's last props-caused render, row after row. */
  propKeys: string[];
}

/** The number columns of `ComponentColumns` that hold one entry a row. */
const ROW_COLUMNS = ['id', 'renders', 'mounts', 'unmounts', 'retained', 'selfMs', 'totalMs', 'maxMs', 'lastReasons', 'propKeyCounts'] as const;

/** Render reasons as bits, for `ComponentColumns.lastReasons`. */
export const REASON_BITS: Readonly<Record<RenderReason, number>> = { mount: 1, props: 2, state: 4, context: 8, parent: 16 };
/** Every render reason, in the order a row lists them. */
export const RENDER_REASONS: readonly RenderReason[] = ['mount', 'props', 'state', 'context', 'parent'];

/** Columns with no rows, to be filled row by row. */
export function emptyColumns(): ComponentColumns {
  return { id: [], name: [], renders: [], mounts: [], unmounts: [], retained: [], selfMs: [], totalMs: [], maxMs: [], reasons: [], lastReasons: [], propKeyCounts: [], propKeys: [] };
}

/** Component objects as columns: what the SDK sends, built from objects (for tests and tools). */
export function columnsFromComponents(components: readonly ComponentStat[]): ComponentColumns {
  const c = emptyColumns();
  for (const s of components) {
    c.id.push(s.id);
    c.name.push(s.name);
    c.renders.push(s.renders);
    c.mounts.push(s.mounts);
    c.unmounts.push(s.unmounts);
    c.retained.push(s.retained);
    c.selfMs.push(s.selfMs);
    c.totalMs.push(s.totalMs);
    c.maxMs.push(s.maxMs);
    c.reasons.push(s.reasons.props, s.reasons.state, s.reasons.context, s.reasons.parent);
    c.lastReasons.push(s.lastReasons.reduce((bits, r) => bits | REASON_BITS[r], 0));
    c.propKeyCounts.push(s.lastPropKeys.length);
    c.propKeys.push(...s.lastPropKeys);
  }
  return c;
}

/** The rows of validated columns as objects, for the panel (`live` is mounts less unmounts). */
export function componentsFromColumns(c: ComponentColumns): ComponentStat[] {
  const out: ComponentStat[] = new Array(c.id.length);
  let key = 0;
  for (let k = 0; k < c.id.length; k++) {
    const bits = c.lastReasons[k]!;
    const keys = c.propKeyCounts[k]!;
    out[k] = {
      id: c.id[k]!,
      name: c.name[k]!,
      renders: c.renders[k]!,
      mounts: c.mounts[k]!,
      unmounts: c.unmounts[k]!,
      live: c.mounts[k]! - c.unmounts[k]!,
      retained: c.retained[k]!,
      selfMs: c.selfMs[k]!,
      totalMs: c.totalMs[k]!,
      maxMs: c.maxMs[k]!,
      reasons: { props: c.reasons[k * 4]!, state: c.reasons[k * 4 + 1]!, context: c.reasons[k * 4 + 2]!, parent: c.reasons[k * 4 + 3]! },
      lastReasons: RENDER_REASONS.filter((r) => (bits & REASON_BITS[r]) !== 0),
      lastPropKeys: c.propKeys.slice(key, key + keys),
    };
    key += keys;
  }
  return out;
}

/**
 * Checks what a schema cannot see column by column: every row column has one entry a row, `reasons`
 * four, and `propKeys` as many as `propKeyCounts` add up to. Returns what is wrong, or undefined.
 */
export function columnsMismatch(c: ComponentColumns): string | undefined {
  const rows = c.id.length;
  for (const column of ROW_COLUMNS) if (c[column].length !== rows) return `${column} has ${c[column].length} entries for ${rows} rows`;
  if (c.name.length !== rows) return `name has ${c.name.length} entries for ${rows} rows`;
  if (c.reasons.length !== rows * 4) return `reasons has ${c.reasons.length} entries for ${rows} rows (four a row)`;
  let keys = 0;
  for (const n of c.propKeyCounts) keys += n;
  if (c.propKeys.length !== keys) return `propKeys has ${c.propKeys.length} entries where propKeyCounts add up to ${keys}`;
  return undefined;
}
