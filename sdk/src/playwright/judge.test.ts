import { describe, expect, it } from 'vitest';
import { judgeAll, judgeSeries, slope } from './judge.js';
import { DEFAULT_THRESHOLDS } from './types.js';

const KB = 1024;
const line = (start: number, step: number, n = 9) => Array.from({ length: n }, (_, i) => start + i * step);

describe('judgeSeries', () => {
  it('calls steady growth at every step a leak', () => {
    expect(judgeSeries(line(1000, 100), 1)).toBe('leak');
    expect(judgeSeries(line(5e6, 100 * KB), 64 * KB)).toBe('leak');
  });

  it('does not call a cache that fills and then holds a leak', () => {
    expect(judgeSeries([100, 200, 300, 400, 400, 400, 400, 400, 400], 1)).toBe('clean');
  });

  it('does not call a one-time lazy allocation a leak', () => {
    expect(judgeSeries([5e6, 7e6, 7e6 + 3 * KB, 7e6 - 2 * KB, 7e6 + KB, 7e6, 7e6 + 2 * KB, 7e6, 7e6 + KB], 64 * KB)).toBe('clean');
  });

  it('does not call noise around a flat line a leak', () => {
    expect(judgeSeries([5e6, 5.01e6, 4.99e6, 5.02e6, 5e6, 4.98e6, 5.01e6, 5e6, 5.02e6], 64 * KB)).toBe('clean');
  });

  it('is unsure about growth that misses a step, and asks for more iterations', () => {
    expect(judgeSeries([0, 100, 200, 300, 300, 400, 500, 600, 700], 1)).toBe('unsure');
  });
});

describe('judgeAll', () => {
  it('names the specific leak before the heap growth it causes', () => {
    const { leaks } = judgeAll(
      { jsHeapUsed: line(5e6, 200 * KB), domNodes: line(500, 101), listeners: line(40, 0), documents: line(1, 0), components: { Dialog: line(0, 1) } },
      DEFAULT_THRESHOLDS,
    );
    expect(leaks.map((l) => [l.kind, l.name])).toEqual([['dom-nodes', 'DOM nodes'], ['components', 'Dialog'], ['heap', 'JS heap']]);
    expect(leaks[0]!.perIteration).toBeCloseTo(101);
    expect(leaks[0]!.summary).toMatch(/^DOM nodes grow by 101 per iteration \(808 over 8\)/);
  });

  it('finds nothing in a clean run', () => {
    const { leaks, unsure } = judgeAll(
      { jsHeapUsed: [5e6, 5.01e6, 5e6, 5.02e6, 5e6, 5.01e6, 5e6, 5e6, 5.01e6], domNodes: line(500, 0), listeners: line(40, 0), documents: line(1, 0), components: {} },
      DEFAULT_THRESHOLDS,
    );
    expect(leaks).toEqual([]);
    expect(unsure).toEqual([]);
  });

  it('measures growth as the least-squares slope', () => {
    expect(slope([0, 2, 4, 6])).toBeCloseTo(2);
  });
});
