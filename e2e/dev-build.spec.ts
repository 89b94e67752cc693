import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { createServer } from 'vite';
import type { ViteDevServer } from 'vite';
import { test as base, expect } from './support/fixtures.js';
import type { MemoryPanel } from './support/fixtures.js';
import { cell, cellValue, openComponents } from './support/components.js';

/**
 * The demo as most React developers run their app: Vite's dev server, React's development build, and
 * react-refresh. The memscope/vite plugin's installer is an inline classic script, so it runs while
 * <head> is parsed, before every module, react-refresh's preamble included; that preamble then finds
 * Memscope's hook and wraps it.
 */
const test = base.extend<{ devServer: string }>({
  devServer: async ({}, use) => {
    const server: ViteDevServer = await createServer({
      root: fileURLToPath(new URL('../demo-app', import.meta.url)),
      configFile: fileURLToPath(new URL('../demo-app/vite.config.ts', import.meta.url)),
      server: { host: '127.0.0.1', port: 0, strictPort: false },
      logLevel: 'error',
    });
    await server.listen();
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('The Vite dev server did not say where it listens.');
    await use(url);
    await server.close();
  },
});

const slowWarning = (panel: MemoryPanel, component: string) =>
  panel.frame.locator(`[data-testid="render-warnings"] li[data-warning-kind="slow-render"][data-component="${component}"]`);

/** Opens the Slow render screen with the panel's Components view, then refreshes the chart three times. */
async function refreshThreeTimes(page: Page, openPanel: () => Promise<MemoryPanel>, url: string): Promise<MemoryPanel> {
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

test('in a development build, the panel shows render times and warns of the component that renders slowly on every refresh', async ({
  page,
  openPanel,
  devServer,
}) => {
  const panel = await refreshThreeTimes(page, openPanel, `${devServer}?screen=slow&variant=faulty`);
  // react-refresh is on the page too, and Memscope still saw every commit (the counts above).
  expect(await page.evaluate(() => typeof (window as unknown as { $RefreshReg$?: unknown }).$RefreshReg$)).toBe('function');
  // Every render sorted 400,000 prices: well over the 16 ms budget, each time.
  await expect(slowWarning(panel, 'PriceChart')).toHaveAttribute('data-count', '4');
  await expect(slowWarning(panel, 'PriceChart')).toContainText(/PriceChart took \d+\.\d ms to render \(budget 16 ms\)/);
  expect(await cellValue(panel, 'PriceChart', 'maxMs')).toBeGreaterThan(16);
  expect(await cellValue(panel, 'PriceChart', 'avgMs')).toBeGreaterThan(16);
  // Its parent only renders it: its own time is small next to the chart's.
  const parentSelf = await cellValue(panel, 'SlowRender', 'selfMs');
  const chartSelf = await cellValue(panel, 'PriceChart', 'selfMs');
  expect(parentSelf).toBeLessThan(chartSelf / 4);
  await expect(cell(panel, 'PriceChart', 'reasons')).toHaveText('parent');
});

test('in a development build, the memoized chart is slow once, when it first sorts, and not on later refreshes', async ({
  page,
  openPanel,
  devServer,
}) => {
  const panel = await refreshThreeTimes(page, openPanel, `${devServer}?screen=slow&variant=fixed`);
  await expect(slowWarning(panel, 'PriceChart')).toHaveAttribute('data-count', '1');
});
