import type { ComponentStat } from 'memscope/protocol';

/** Why a component rendered, as the details card names each counted reason, in the order it lists them. */
export const REASON_LABELS = [
  ['props', 'props changed'],
  ['state', 'state changed'],
  ['context', 'context changed'],
  ['parent', 'parent rendered'],
] as const satisfies readonly (readonly [keyof ComponentStat['reasons'], string])[];

/** The reasons of a component's last examined render, as the table's last column and the details card say them. */
export function lastReasonsText(c: ComponentStat): string {
  // No render counted since the counters were reset (or since Memscope attached): nothing to explain.
  if (c.renders === 0) return '—';
  // Re-rendered, but no render of it examined yet (large commits sample types in turn; counts-only mode examines none).
  if (c.lastReasons.length === 0) return 'not sampled';
  return c.lastReasons.map((r) => (r === 'props' && c.lastPropKeys.length ? `props (${c.lastPropKeys.join(', ')})` : r)).join(', ');
}

/** A render time in the table and details: `—` when none was measured (production builds). */
export function formatRenderMs(n: number): string {
  return n === 0 ? '—' : n < 10 ? n.toFixed(2) : n.toFixed(1);
}
