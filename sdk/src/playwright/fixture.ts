import { test as base } from '@playwright/test';
import type { Page, TestInfo } from '@playwright/test';
import { PageMeter } from './measure.js';
import { repeat } from './repeat.js';
import type { RepeatOptions } from './repeat.js';
import type { MemoryMeasurement, MemoryReport } from './types.js';

/** The `memory` fixture: measures the test's page. */
export interface MemoryFixture {
  /** Forces garbage collection until the heap settles, then reads heap, DOM nodes, listeners, documents and the SDK's state. */
  measure(): Promise<MemoryMeasurement>;
  /** Repeats a user action and reports what leaked. See {@link RepeatOptions}. */
  repeat(action: () => Promise<unknown> | unknown, options?: RepeatOptions): Promise<MemoryReport>;
}

function unsupported(browserName: string): MemoryFixture {
  const fail = async (): Promise<never> => {
    throw new Error(
      `memscope: memory is measured through Chromium's DevTools protocol, which ${browserName} does not have. ` +
        'Nothing is measured there: run memory tests in a Chromium project (e.g. test.skip(browserName !== "chromium")).',
    );
  };
  return { measure: fail, repeat: fail };
}

/** Builds the fixture for a page (exported for use with a page a test made itself). */
export function createMemoryFixture(page: Page, testInfo?: TestInfo): MemoryFixture & { dispose(): Promise<void> } {
  const meter = new PageMeter(page);
  return {
    measure: () => meter.measure(),
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
