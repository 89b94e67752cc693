import type { TestInfo } from '@playwright/test';
import { judgeAll } from './judge.js';
import type { PageMeter } from './measure.js';
import { reportHtml } from './report-html.js';
import { DEFAULT_THRESHOLDS } from './types.js';
import type { LeakThresholds, MemoryMeasurement, MemoryReport, MemorySeries } from './types.js';

/** Options of `memory.repeat`. */
export interface RepeatOptions {
  /** Runs before the baseline, so first-use allocations (lazy modules, caches, Playwright's own) are not counted. Default 2. */
  warmups?: number;
  /** Measured runs. Default 8. */
  iterations?: number;
  /** Most runs when the first ones are not conclusive. Default twice `iterations`. */
  maxIterations?: number;
  /** Longest one run of the action may take. Default 30 s. */
  actionTimeoutMs?: number;
  /** What counts as growth, per iteration. */
  thresholds?: Partial<LeakThresholds>;
}

const MEASURED = [
  'JS heap used after forced garbage collection (HeapProfiler.collectGarbage, Runtime.getHeapUsage)',
  'DOM nodes, event listeners and documents (Memory.getDOMCounters)',
];

function positive(name: string, value: number | undefined, fallback: number, integer: boolean): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < (integer ? 1 : 0) || (integer && !Number.isInteger(value))) {
    throw new RangeError(`memory.repeat: option ${name} must be ${integer ? 'a whole number ≥ 1' : 'a number ≥ 0'}, got ${String(value)}.`);
  }
  return value;
}

function toSeries(measurements: MemoryMeasurement[]): MemorySeries {
  const names = new Set(measurements.flatMap((m) => m.sdk?.components.map((c) => c.name) ?? []));
  const components: Record<string, number[]> = {};
  for (const name of names) {
    components[name] = measurements.map((m) => {
      const c = m.sdk?.components.find((x) => x.name === name);
      return c ? c.live + c.retained : 0;
    });
  }
  return {
    jsHeapUsed: measurements.map((m) => m.jsHeapUsed),
    domNodes: measurements.map((m) => m.domNodes),
    listeners: measurements.map((m) => m.listeners),
    documents: measurements.map((m) => m.documents),
    components,
  };
}

async function runAction(action: () => Promise<unknown> | unknown, label: string, timeoutMs: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      Promise.resolve().then(action),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`took longer than ${timeoutMs} ms (option actionTimeoutMs)`)), timeoutMs);
      }),
    ]);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`memory.repeat: the action failed in ${label}: ${message}`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs `action` `warmups` times, measures a baseline, then runs and measures it `iterations` times,
 * and judges what grew. Attaches the report (JSON and HTML) to the test.
 */
export async function repeat(
  meter: PageMeter,
  action: () => Promise<unknown> | unknown,
  options: RepeatOptions,
  testInfo: TestInfo | undefined,
): Promise<MemoryReport> {
  const started = Date.now();
  const warmups = positive('warmups', options.warmups, 2, false);
  const iterations = positive('iterations', options.iterations, 8, true);
  if (iterations < 3) throw new RangeError('memory.repeat: option iterations must be at least 3 to tell growth from a one-time allocation.');
  const maxIterations = positive('maxIterations', options.maxIterations, iterations * 2, true);
  const timeoutMs = positive('actionTimeoutMs', options.actionTimeoutMs, 30_000, true);
  const thresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };

  for (let i = 1; i <= warmups; i++) await runAction(action, `warm-up ${i} of ${warmups}`, timeoutMs);
  const measurements = [await meter.measure()];
  const notes: string[] = [];
  let judged = judgeAll(toSeries(measurements), thresholds);
  let done = 0;
  let target = iterations;
  while (done < target) {
    done++;
    await runAction(action, `iteration ${done} of ${target}`, timeoutMs);
    measurements.push(await meter.measure());
    if (done === target) {
      judged = judgeAll(toSeries(measurements), thresholds);
      // When in doubt, run more iterations before reporting.
      if (judged.unsure.length > 0 && target < maxIterations) {
        notes.push(`${judged.unsure.join(', ')}: growth was not clear after ${target} iterations; ran ${Math.min(target * 2, maxIterations)}.`);
        target = Math.min(target * 2, maxIterations);
      }
    }
  }
  const series = toSeries(measurements);
  const report: MemoryReport = {
    passed: judged.leaks.length === 0,
    iterations: done,
    warmups,
    series,
    leaks: judged.leaks,
    notes,
    durationMs: Date.now() - started,
    measured: measurements[0]!.sdk ? [...MEASURED, 'React components live and retained after unmount (the in-page Memscope SDK)'] : MEASURED,
  };
  if (testInfo) {
    await testInfo.attach('memscope-report.json', { body: JSON.stringify(report, null, 2), contentType: 'application/json' });
    await testInfo.attach('memscope-report.html', { body: reportHtml(report, testInfo.title), contentType: 'text/html' });
  }
  return report;
}
