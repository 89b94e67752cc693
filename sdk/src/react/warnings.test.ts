import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LIMITS } from '../protocol/limits.js';
import { Warnings } from './warnings.js';

describe('render warnings', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000 }));
  afterEach(() => vi.useRealTimers());

  it('keeps one warning per kind and component, counting how often it was raised', () => {
    const w = new Warnings();
    w.raise('render-storm', 'Row', 40, 'auto', 20, 3);
    vi.advanceTimersByTime(10);
    w.raise('render-storm', 'Row', 55, 'auto', 20, 3);
    w.raise('slow-render', 'Row', 31.25, 'auto', 16);
    const list = w.list();
    expect(list).toHaveLength(2);
    expect(list.find((x) => x.kind === 'render-storm')).toMatchObject({ count: 2, value: 55, lastAt: 1_010 });
  });

  it('writes a message that names the component, the figure and the budget', () => {
    const w = new Warnings();
    w.raise('render-storm', 'Row', 55.4, 'auto', 20, 3);
    w.raise('slow-render', 'Chart', 31.25, 'auto', 16);
    w.raise('render-storm', 'Ticker', 45, 'usePerformanceTracking', 30);
    w.raise('slow-render', 'Table', 20, 'usePerformanceTracking', 16);
    expect(w.list().map((x) => x.message).sort()).toEqual([
      'Chart took 31.3 ms to render (budget 16 ms).',
      'Row re-renders 55 times per second per instance (3 live, budget 20/s).',
      'Table took 20.0 ms to render and commit (budget 16 ms).',
      'Ticker rendered 45 times in the last second (budget 30/s).',
    ]);
  });

  it('stays within its limit by dropping the least recently raised warning', () => {
    const w = new Warnings();
    for (let i = 0; i < LIMITS.warnings; i++) {
      w.raise(i % 2 ? 'slow-render' : 'render-storm', `C${i}`, 1, 'auto', 1);
      vi.advanceTimersByTime(1);
    }
    // C0 is raised again, so C1 is now the stalest.
    w.raise('render-storm', 'C0', 2, 'auto', 1);
    vi.advanceTimersByTime(1);
    w.raise('render-storm', 'New', 1, 'auto', 1);
    const names = w.list().map((x) => x.component);
    expect(names).toHaveLength(LIMITS.warnings);
    expect(names).toContain('C0');
    expect(names).toContain('New');
    expect(names).not.toContain('C1');
  });

  it('lists the newest first and forgets everything on clear', () => {
    const w = new Warnings();
    w.raise('render-storm', 'Old', 1, 'auto', 1);
    vi.advanceTimersByTime(5);
    w.raise('slow-render', 'Young', 1, 'auto', 1);
    expect(w.list().map((x) => x.component)).toEqual(['Young', 'Old']);
    w.clear();
    expect(w.list()).toEqual([]);
    w.raise('render-storm', 'Again', 1, 'auto', 1);
    expect(w.list()).toHaveLength(1);
  });
});
