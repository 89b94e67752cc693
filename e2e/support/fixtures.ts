import { test as base, expect } from '@playwright/test';
import type { BrowserContext, Frame, Page } from '@playwright/test';
import type {} from 'memscope';
import { launchWithExtension } from '../../scripts/lib/launch.mjs';
import { openMemoryPanel } from '../../scripts/lib/devtools-panel.mjs';

/** The real Memory panel inside DevTools, with helpers to read its test hooks. */
export interface MemoryPanel {
  frame: Frame;
  /** The DevTools window the panel lives in. */
  devtools: Page;
  /** The raw number behind a `data-testid` figure (from its `data-value`). */
  value(testId: string): Promise<number>;
  /** The raw `data-value` string behind a `data-testid`. */
  raw(testId: string): Promise<string>;
  /** The panel's state, read through its read-only debug handle. */
  state<T>(pick: string): Promise<T>;
  /** Uncaught errors seen in the panel since it opened. */
  errors(): Promise<string[]>;
}

interface Fixtures {
  context: BrowserContext;
  extensionId: string;
  page: Page;
  /** Opens DevTools on `page` and shows Memscope's Memory panel. */
  openPanel: (page?: Page) => Promise<MemoryPanel>;
  /** Uncaught errors of every page in the context (collected for the whole test). */
  pageErrors: string[];
}

export const test = base.extend<Fixtures>({
  // Only a persistent context loads extensions, so each test gets a fresh browser and profile.
  context: async ({}, use) => {
    const { context } = await launchWithExtension();
    await use(context);
    await context.close();
  },
  extensionId: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(new URL(worker.url()).host);
  },
  pageErrors: async ({ context }, use) => {
    const errors: string[] = [];
    context.on('weberror', (error) => errors.push(String(error.error())));
    await use(errors);
  },
  page: async ({ context, pageErrors }, use) => {
    void pageErrors;
    const page = context.pages()[0] ?? (await context.newPage());
    await use(page);
  },
  openPanel: async ({ context, extensionId, page }, use) => {
    await use(async (target = page) => {
      const { panel: frame, devtools } = await openMemoryPanel(context, target, extensionId);
      await frame.waitForSelector('[data-testid="connection-status"]');
      await frame.evaluate(() => {
        const w = window as unknown as { __errors?: string[] };
        w.__errors = [];
        addEventListener('error', (e) => w.__errors!.push(String(e.message)));
        addEventListener('unhandledrejection', (e) => w.__errors!.push(String(e.reason)));
      });
      const raw = (testId: string) => frame.locator(`[data-testid="${testId}"]`).getAttribute('data-value').then((v) => v ?? '');
      return {
        frame,
        devtools,
        raw,
        value: async (testId) => Number(await raw(testId)),
        state: (pick) =>
          frame.evaluate((path) => {
            let v: unknown = (window as unknown as { __MEMSCOPE_PANEL__: { getState(): unknown } }).__MEMSCOPE_PANEL__.getState();
            for (const key of path.split('.').filter(Boolean)) v = (v as Record<string, unknown>)?.[key];
            return v;
          }, pick) as never,
        errors: () => frame.evaluate(() => (window as unknown as { __errors: string[] }).__errors),
      } satisfies MemoryPanel;
    });
  },
});

export { expect };

/** Polls the panel until the `data-value` of `testId` satisfies `check`. */
export async function expectValue(panel: MemoryPanel, testId: string, check: (n: number) => boolean, message: string): Promise<number> {
  let last = NaN;
  await expect
    .poll(async () => {
      last = await panel.value(testId);
      return check(last);
    }, { message: `${message} (last ${testId} = ${last})` })
    .toBe(true);
  return last;
}
