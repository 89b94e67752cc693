import { expect as baseExpect } from '@playwright/test';
import { slope } from './judge.js';
import type { Leak, LeakKind, MemoryReport } from './types.js';

/** Options of `toHaveNoLeaks`. */
export interface NoLeaksOptions {
  /** Leak kinds to accept (for example `['heap']` while a known heap growth is being fixed). */
  ignore?: LeakKind[];
}

/** Budgets of `toStayWithinMemoryBudget`, per iteration. */
export interface MemoryBudget {
  heapBytesPerIteration?: number;
  domNodesPerIteration?: number;
  listenersPerIteration?: number;
}

function isReport(value: unknown): value is MemoryReport {
  return typeof value === 'object' && value !== null && Array.isArray((value as MemoryReport).leaks) && typeof (value as MemoryReport).series === 'object';
}

function describeLeak(leak: Leak, i: number): string {
  const retainers = leak.retainers?.length ? `\n     held by: ${leak.retainers.join('\n              ')}` : '';
  return `  ${i + 1}. [${leak.kind}] ${leak.summary}${retainers}`;
}

/** `expect` with Memscope's matchers. */
export const expect = baseExpect.extend({
  /** Passes when `memory.repeat` found no leak (of the kinds not ignored). */
  toHaveNoLeaks(report: MemoryReport, options: NoLeaksOptions = {}) {
    if (!isReport(report)) {
      return { pass: false, name: 'toHaveNoLeaks', message: () => 'toHaveNoLeaks expects the report that memory.repeat() returns.' };
    }
    const leaks = report.leaks.filter((l) => !options.ignore?.includes(l.kind));
    const pass = leaks.length === 0;
    return {
      pass,
      name: 'toHaveNoLeaks',
      expected: [],
      actual: leaks,
      message: () =>
        pass
          ? `${this.utils.matcherHint('toHaveNoLeaks', 'report', '', { isNot: this.isNot })}\n\nExpected a leak, but ${report.iterations} iterations found none.`
          : `${this.utils.matcherHint('toHaveNoLeaks', 'report', '', { isNot: this.isNot })}\n\n${leaks.length} leak(s) in ${report.iterations} iterations:\n${leaks
              .slice(0, 5)
              .map(describeLeak)
              .join('\n')}\n\nThe attached memscope-report.html charts every series.`,
    };
  },

  /** Passes when each series grows by no more than its budget per iteration (least-squares slope). */
  toStayWithinMemoryBudget(report: MemoryReport, budget: MemoryBudget) {
    if (!isReport(report)) {
      return { pass: false, name: 'toStayWithinMemoryBudget', message: () => 'toStayWithinMemoryBudget expects the report that memory.repeat() returns.' };
    }
    const checks = [
      ['JS heap', report.series.jsHeapUsed, budget.heapBytesPerIteration, 'bytes'],
      ['DOM nodes', report.series.domNodes, budget.domNodesPerIteration, 'nodes'],
      ['event listeners', report.series.listeners, budget.listenersPerIteration, 'listeners'],
    ] as const;
    const over = checks
      .filter(([, , limit]) => limit !== undefined)
      .map(([name, values, limit, unit]) => ({ name, growth: slope(values.slice(1)), limit: limit!, unit }))
      .filter((c) => c.growth > c.limit);
    const pass = over.length === 0;
    return {
      pass,
      name: 'toStayWithinMemoryBudget',
      message: () =>
        pass
          ? `${this.utils.matcherHint('toStayWithinMemoryBudget', 'report', 'budget', { isNot: this.isNot })}\n\nEvery series stayed within its budget.`
          : `${this.utils.matcherHint('toStayWithinMemoryBudget', 'report', 'budget', { isNot: this.isNot })}\n\n${over
              .map((c) => `  ${c.name} grew ${c.growth.toFixed(1)} ${c.unit} per iteration; the budget is ${c.limit}.`)
              .join('\n')}`,
    };
  },
});
