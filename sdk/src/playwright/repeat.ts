import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestInfo } from '@playwright/test';
import { diffSnapshots, loadSnapshot } from '../heap/analyze.js';
import type { SnapshotDiff } from '../heap/analyze.js';
import { judgeAll } from './judge.js';
import type { PageMeter } from './measure.js';
import { reportHtml } from './report-html.js';
import { withTimeout } from '../lib/timeout.js';
import { DEFAULT_THRESHOLDS } from './types.js';
import type { Leak, LeakThresholds, MemoryMeasurement, MemoryReport, MemorySeries } from './types.js';

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
  /**
   * Heap snapshots, to name what leaked and what holds it. `'auto'` (default): only when the counters
   * found a leak, around extra iterations; `true`: always; `false`: never. Attached to the test when it fails.
   */
  snapshots?: 'auto' | boolean;
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

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/**
 * Leaks a snapshot diff names: what the first half of the extra iterations allocated and the second
 * half did not release. Rows below one object per iteration are noise, not leaks.
 */
export function snapshotLeaks(diff: SnapshotDiff, iterations: number): Leak[] {
  const leaks: Leak[] = [];
  for (const row of diff.detached.filter((r) => r.count >= iterations).slice(0, 3)) {
    leaks.push({
      kind: 'detached-dom', name: row.name, perIteration: row.count / iterations, total: row.count, retainedBytes: row.retainedSize,
      retainers: row.retainers ? [row.retainers] : [],
      summary: `${row.count} detached ${row.name} nodes from ${iterations} iterations are still alive (${kb(row.retainedSize)}), kept by ${row.retainers}.`,
    });
  }
  // Collections are compared between the first and the last snapshot: both halves of the runs.
  const runs = 2 * iterations;
  for (const c of diff.grownCollections.filter((x) => x.after - x.before >= runs).slice(0, 3)) {
    leaks.push({
      kind: 'collection', name: c.name, perIteration: (c.after - c.before) / runs, total: c.after - c.before, retainers: [c.retainers],
      summary: `A ${c.name} grew from ${c.before} to ${c.after} entries over ${runs} iterations and never shrinks: ${c.retainers}.`,
    });
  }
  // Small objects that trickle in (a bounded buffer filling up) are not worth a leak report.
  const significant = (r: { count: number; retainedSize: number; type: string }) =>
    r.count >= iterations && r.type !== 'native' && r.retainedSize / iterations >= 1024;
  for (const row of diff.added.filter(significant).slice(0, 3)) {
    leaks.push({
      kind: 'objects', name: row.name, perIteration: row.count / iterations, total: row.count, retainedBytes: row.retainedSize,
      retainers: row.retainers ? [row.retainers] : [],
      summary: `${row.count} ${row.name} objects from ${iterations} iterations are still alive (${kb(row.retainedSize)}), kept by ${row.retainers}.`,
    });
  }
  return leaks;
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
  try {
    await withTimeout(Promise.resolve().then(action), timeoutMs, () => `took longer than ${timeoutMs} ms (option actionTimeoutMs)`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`memory.repeat: the action failed in ${label}: ${message}`, { cause: error });
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
  const leaks = [...judged.leaks];
  const snapshotFiles: string[] = [];
  const mode = options.snapshots ?? 'auto';
  if (mode === true || (mode === 'auto' && leaks.length > 0)) {
    // Three snapshots around extra iterations (as memlab's baseline, target, final): what the first
    // half allocated and the second half did not release is what the action leaks.
    const half = Math.max(2, Math.ceil(iterations / 2));
    const dir = testInfo ? testInfo.outputPath('memscope-snapshots') : await mkdtemp(join(tmpdir(), 'memscope-snapshots-'));
    const { mkdir } = await import('node:fs/promises');
    await mkdir(dir, { recursive: true });
    for (const [i, name] of ['baseline', 'target', 'final'].entries()) {
      if (i > 0) for (let k = 1; k <= half; k++) await runAction(action, `snapshot pass, run ${k} of ${half} before the ${name} snapshot`, timeoutMs);
      await meter.collectGarbage();
      const file = join(dir, `${name}.heapsnapshot`);
      await meter.snapshot(file);
      snapshotFiles.push(file);
    }
    const [a, b, c] = [await loadSnapshot(snapshotFiles[0]!), await loadSnapshot(snapshotFiles[1]!), await loadSnapshot(snapshotFiles[2]!)];
    const found = snapshotLeaks(diffSnapshots(a, c, b), half);
    leaks.unshift(...found);
    notes.push(`Heap snapshots around ${2 * half} extra iterations named ${found.length} leak(s).`);
  }
  const report: MemoryReport = {
    passed: leaks.length === 0,
    iterations: done,
    warmups,
    series,
    leaks,
    notes,
    durationMs: Date.now() - started,
    measured: measurements[0]!.sdk ? [...MEASURED, 'React components live and retained after unmount (the in-page Memscope SDK)'] : MEASURED,
  };
  if (testInfo) {
    await testInfo.attach('memscope-report.json', { body: JSON.stringify(report, null, 2), contentType: 'application/json' });
    await testInfo.attach('memscope-report.html', { body: reportHtml(report, testInfo.title), contentType: 'text/html' });
    // Snapshots are large: attached only when there is something to look at.
    if (!report.passed) for (const file of snapshotFiles) await testInfo.attach(file.split('/').pop()!, { path: file, contentType: 'application/octet-stream' });
  }
  return report;
}
