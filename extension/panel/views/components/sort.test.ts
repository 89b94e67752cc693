import { describe, expect, it } from 'vitest';
import type { ComponentStat } from 'memscope/protocol';
import { visibleRows } from './sort.js';

const stat = (id: number, name: string, over: Partial<ComponentStat> = {}): ComponentStat => ({
  id, name, renders: 0, mounts: 0, unmounts: 0, live: 0, retained: 0, selfMs: 0, totalMs: 0, maxMs: 0,
  reasons: { props: 0, state: 0, context: 0, parent: 0 }, lastReasons: [], lastPropKeys: [], ...over,
});

describe('visibleRows', () => {
  const rows = [stat(0, 'Row', { renders: 50, totalMs: 10 }), stat(1, 'App', { renders: 2, totalMs: 8 }), stat(2, 'Header', { renders: 50, totalMs: 1 })];

  it('sorts by a numeric column, ties by name', () => {
    expect(visibleRows(rows, '', 'renders', true).map((r) => r.name)).toEqual(['Header', 'Row', 'App']);
    expect(visibleRows(rows, '', 'renders', false).map((r) => r.name)).toEqual(['App', 'Header', 'Row']);
  });

  it('sorts by the derived average time', () => {
    expect(visibleRows(rows, '', 'avgMs', true).map((r) => r.name)).toEqual(['App', 'Row', 'Header']);
  });

  it('orders names naturally, numbers inside them by value', () => {
    const generated = [stat(0, 'Generated10'), stat(1, 'Generated2'), stat(2, 'Generated1'), stat(3, 'App')];
    expect(visibleRows(generated, '', 'name', false).map((r) => r.name)).toEqual(['App', 'Generated1', 'Generated2', 'Generated10']);
    expect(visibleRows(generated, '', 'renders', true).map((r) => r.name)).toEqual(['App', 'Generated1', 'Generated2', 'Generated10']);
  });

  it('filters by name, ignoring case, and skips holes in the id-indexed array', () => {
    const sparse: ComponentStat[] = [];
    sparse[5] = stat(5, 'ProductList');
    sparse[9] = stat(9, 'Product');
    expect(visibleRows(sparse, 'prod', 'name', false).map((r) => r.name)).toEqual(['Product', 'ProductList']);
    expect(visibleRows(sparse, 'LIST', 'name', false)).toHaveLength(1);
  });
});
