import { test as base } from '@playwright/test';
import type { Page, TestInfo } from '@playwright/test';
import { PageMeter } from './measure.js';
import { repeat } from './repeat.js';
import type { RepeatOptions } from './repeat.js';
import type { MemoryMeasurement, MemoryReport } from './types.js';
import { loadSnapshot, summarize } from '../heap/analyze.js';
import type { SnapshotSummary } from '../heap/analyze.js';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The `memory` fixture: measures the test's page. */
export interface MemoryFixture {
  /** Forces garbage collection until the heap settles, then reads heap, DOM nodes, listeners, documents and the SDK's state. */
  measure(): Promise<MemoryMeasurement>;
  /** Repeats a user action and reports what leaked. See {@link RepeatOptions}. */
  repeat(action: () => Promise<unknown> | unknown, options?: RepeatOptions): Promise<MemoryReport>;
  /** Writes a heap snapshot (streamed to disk) after forced GC, and summarises it by constructor. */
  snapshot(path?: string): Promise<{ path: string; summary: SnapshotSummary }>;
}

function unsupported(browserName: string): MemoryFixture {
  const fail = async (): Promise<never> => {
    throw new Error(
      `memscope: memory is measured through Chromium's DevTools protocol, which ${browserName} does not have. ` +
        'Nothing is measured there: run memory tests in a Chromium project only (for example, skip them when browserName is not "chromium").',
    );
  };
  return { measure: fail, repeat: fail, snapshot: fail };
}

/** Builds the fixture for a page (exported for use with a page a test made itself). */
export function createMemoryFixture(page: Page, testInfo?: TestInfo): MemoryFixture & { dispose(): Promise<void> } {
  const meter = new PageMeter(page);
  let taken = 0;
  return {
    measure: () => meter.measure(),
    async snapshot(path) {
      const file = path ?? (testInfo ? testInfo.outputPath(`heap-${++taken}.heapsnapshot`) : join(await mkdtemp(join(tmpdir(), 'memscope-')), 'heap.heapsnapshot'));
      await meter.collectGarbage();
      await meter.snapshot(file);
      return { path: file, summary: summarize(await loadSnapshot(file)) };
    },
    repeat: (action, options = {}) => repeat(meter, action, options, testInfo),
    dispose: () => meter.dispose(),
  };
}

/** `@playwright/test`'s `test` with a `memory` fixture bound to `page`. */
export const test = base.extend<{ memory: MemoryFixture }>({
  memory: async ({ page, browserName }, use, testInfo) => {
    if (browserName !== 'chromium') {
      await use(unsupported(browserName));
      return;
    }
    const fixture = createMemoryFixture(page, testInfo);
    await use(fixture);
    await fixture.dispose();
  },
});
