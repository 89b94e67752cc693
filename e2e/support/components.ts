import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import type { MemoryPanel } from './fixtures.js';

/** Shows the panel's Components view and waits until it follows React's commits. */
export async function openComponents(panel: MemoryPanel): Promise<void> {
  await panel.frame.getByRole('tab', { name: 'Components' }).click();
  await expect(panel.frame.getByTestId('react-status')).toHaveAttribute('data-value', 'active');
}

/** A cell of a component's row in the panel's table (numeric cells carry `data-value`). */
export function cell(panel: MemoryPanel, component: string, column: string) {
  return panel.frame.locator(`[data-testid="components-table"] tr[data-component="${component}"] td[data-column="${column}"]`);
}

/** The number behind a numeric cell of a component's row. */
export async function cellValue(panel: MemoryPanel, component: string, column: string): Promise<number> {
  return Number(await cell(panel, component, column).getAttribute('data-value'));
}

/**
 * On the demo's Leaky dialog screen, opens and closes the dialog `times` times, checks that the panel
 * counted the mounts and says the closed dialogs wait to be judged and how to judge them now, then does
 * what it says: Collect garbage twice, a second apart, as DevTools' button does (one
 * `HeapProfiler.collectGarbage` a click). The panel then no longer says they wait.
 */
export async function closeDialogsAndJudge(page: Page, panel: MemoryPanel, times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    await page.getByRole('button', { name: 'Open' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
  }
  await expect(cell(panel, 'Dialog', 'mounts')).toHaveAttribute('data-value', String(times));
  await expect(cell(panel, 'Dialog', 'live')).toHaveAttribute('data-value', '0');
  const pending = panel.frame.getByTestId('retention-pending');
  await expect(pending).toHaveAttribute('data-value', String(times));
  await expect(pending).toContainText('click Collect garbage (the bin icon in DevTools\' Memory panel) twice');
  const cdp = await page.context().newCDPSession(page);
  for (let click = 0; click < 2; click++) {
    await cdp.send('HeapProfiler.collectGarbage');
    await page.waitForTimeout(1000);
  }
  await cdp.detach();
  // The SDK judges on its next housekeeping round (the demo samples every second).
  await expect(pending, 'two collections judge every closed dialog').toHaveCount(0, { timeout: 10_000 });
}

/** Checks the panel's "retained after unmount" list and the Dialog row against `expected` retained dialogs. */
export async function expectRetainedDialogs(panel: MemoryPanel, expected: number): Promise<void> {
  await expect(panel.frame.getByTestId('retained-list')).toHaveAttribute('data-value', String(expected));
  await expect(cell(panel, 'Dialog', 'retained')).toHaveAttribute('data-value', String(expected));
  if (expected > 0) {
    await expect(panel.frame.locator('[data-testid="retained-list"] li[data-component="Dialog"]')).toHaveAttribute('data-value', String(expected));
  }
}

/** A warning of `kind` about `component` in the panel's warning list. */
export function warning(panel: MemoryPanel, kind: 'render-storm' | 'slow-render', component: string) {
  return panel.frame.locator(`[data-testid="render-warnings"] li[data-warning-kind="${kind}"][data-component="${component}"]`);
}

/**
 * On the demo's faulty Render storm screen, starts the clock and checks that the panel shows the 500
 * storming rows with a growing count, re-rendered by a context, and both warnings: the walker's for
 * StormRow and usePerformanceTracking's for StormList.
 */
export async function startStormAndExpectWarnings(page: Page, panel: MemoryPanel): Promise<void> {
  await expect(cell(panel, 'StormRow', 'renders')).toHaveAttribute('data-value', '500');
  await page.getByRole('button', { name: 'Start the clock' }).click();
  await expect.poll(() => cellValue(panel, 'StormRow', 'renders'), { message: 'StormRow keeps re-rendering' }).toBeGreaterThan(5_000);
  const first = await cellValue(panel, 'StormRow', 'renders');
  await expect.poll(() => cellValue(panel, 'StormRow', 'renders'), { message: 'its count grows' }).toBeGreaterThan(first + 5_000);
  await expect(warning(panel, 'render-storm', 'StormRow')).toBeVisible();
  await expect(warning(panel, 'render-storm', 'StormList')).toBeVisible();
  await expect(cell(panel, 'StormRow', 'reasons')).toContainText('context');
  await expect(cell(panel, 'StormRow', 'live')).toHaveAttribute('data-value', '500');
}

/**
 * Opens the demo's Slow render screen at `url` with the panel's Components view, refreshes the chart
 * three times, and checks that PriceChart rendered four times.
 */
export async function refreshChartThreeTimes(page: Page, openPanel: () => Promise<MemoryPanel>, url: string): Promise<MemoryPanel> {
  await page.goto(url);
  const panel = await openPanel();
  await openComponents(panel);
  for (let i = 1; i <= 3; i++) {
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(page.getByTestId('refreshed')).toHaveText(`Refreshed ${i} times.`);
  }
  await expect(cell(panel, 'PriceChart', 'renders')).toHaveAttribute('data-value', '4');
  return panel;
}

/** Where `locator`'s element is in the panel's window, in CSS px. */
export function boxOf(locator: Locator): Promise<DOMRect> {
  return locator.evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
}

/** Checks that the table's first row is `component` and ends inside the panel's window, with no scrolling. */
export async function expectFirstRowInSight(panel: MemoryPanel, component: string): Promise<void> {
  const first = panel.frame.locator('[data-testid="components-table"] tbody tr').first();
  await expect(first).toHaveAttribute('data-component', component);
  const where = await first.evaluate((row) => ({ bottom: row.getBoundingClientRect().bottom, window: innerHeight }));
  expect(where.bottom, `the first row ends at ${where.bottom} px in a panel ${where.window} px high`).toBeLessThanOrEqual(where.window);
}

/**
 * Checks that the panel does not scroll sideways and that nothing outside a table's own scroller
 * (`.table-scroll`) reaches past its right edge: in a narrow panel only tables, which cannot shrink
 * below their columns, scroll sideways.
 */
export async function expectOnlyTablesScrollSideways(panel: MemoryPanel): Promise<void> {
  const overflow = await panel.frame.evaluate(() => ({
    page: document.documentElement.scrollWidth - innerWidth,
    past: [...document.querySelectorAll('body *')]
      .filter((el) => !el.closest('.table-scroll') && el.getBoundingClientRect().right > innerWidth + 0.5)
      .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').slice(0, 30)}"`),
  }));
  expect(overflow.past, 'what reaches past the panel\'s right edge').toEqual([]);
  expect(overflow.page, 'how far the panel scrolls sideways, in px').toBeLessThanOrEqual(0);
}

/** Checks that every column header of the table reads on one line, its sort arrow included. */
export async function expectHeadersOnOneLine(panel: MemoryPanel): Promise<void> {
  const wrapped = await panel.frame.locator('[data-testid="components-table"] thead th').evaluateAll((headers) =>
    headers
      .filter((th) => {
        // The lines its text lies on: one rectangle per line box of each text node.
        const tops = new Set<number>();
        const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
        for (let text = walker.nextNode(); text; text = walker.nextNode()) {
          const range = document.createRange();
          range.selectNodeContents(text);
          for (const rect of range.getClientRects()) if (rect.width > 0) tops.add(Math.round(rect.top));
        }
        return tops.size > 1;
      })
      .map((th) => th.textContent),
  );
  expect(wrapped, 'column headers that wrap onto a second line').toEqual([]);
}

/**
 * Checks that the table's selected row is whole in view: inside its scroller, below the sticky header,
 * where a user pressing the arrow keys can see it.
 */
export async function expectRowInView(table: Locator): Promise<void> {
  await expect
    .poll(
      () =>
        table.evaluate((el) => {
          const row = el.querySelector('tbody tr[aria-selected="true"]');
          if (!row) return 'no row is selected';
          const r = row.getBoundingClientRect();
          const header = el.querySelector('thead')!.getBoundingClientRect();
          const view = el.parentElement!.getBoundingClientRect();
          if (r.top < header.bottom - 0.5) return `the row's top is ${(header.bottom - r.top).toFixed(1)} px under the header`;
          if (r.bottom > view.bottom + 0.5) return `the row's bottom is ${(r.bottom - view.bottom).toFixed(1)} px below the view`;
          return 'in view';
        }),
      { message: 'the selected row is scrolled whole into view' },
    )
    .toBe('in view');
}
