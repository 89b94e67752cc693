import { test as base, expect } from './support/fixtures.js';
import { cell, cellValue, refreshChartThreeTimes, warning } from './support/components.js';
import { startDemoDevServer } from './support/demo-servers.js';

/**
 * The demo as most React developers run their app: Vite's dev server, React's development build, and
 * react-refresh. The memscope/vite plugin's installer is an inline classic script, so it runs while
 * <head> is parsed, before every module, react-refresh's preamble included; that preamble then finds
 * Memscope's hook and wraps it.
 */
const test = base.extend<{ devServer: string }>({
  devServer: async ({}, use) => {
    const server = await startDemoDevServer();
    await use(server.url);
    await server.close();
  },
});

test('in a development build, the panel shows render times and warns of the component that renders slowly on every refresh', async ({
  page,
  openPanel,
  devServer,
}) => {
  const panel = await refreshChartThreeTimes(page, openPanel, `${devServer}?screen=slow&variant=faulty`);
  // react-refresh is on the page too, and Memscope still saw every commit (the counts above).
  expect(await page.evaluate(() => typeof (window as unknown as { $RefreshReg$?: unknown }).$RefreshReg$)).toBe('function');
  // Every render sorted 400,000 prices: well over the 16 ms budget, each time.
  await expect(warning(panel, 'slow-render', 'PriceChart')).toHaveAttribute('data-count', '4');
  await expect(warning(panel, 'slow-render', 'PriceChart')).toContainText(/PriceChart took \d+\.\d ms to render \(budget 16 ms\)/);
  expect(await cellValue(panel, 'PriceChart', 'maxMs')).toBeGreaterThan(16);
  expect(await cellValue(panel, 'PriceChart', 'avgMs')).toBeGreaterThan(16);
  // Its parent only renders it: its own time is small next to the chart's.
  const parentSelf = await cellValue(panel, 'SlowRender', 'selfMs');
  const chartSelf = await cellValue(panel, 'PriceChart', 'selfMs');
  expect(parentSelf).toBeLessThan(chartSelf / 4);
  await expect(cell(panel, 'PriceChart', 'reasons')).toHaveText('parent');
  // With times to show, the panel does not say they are missing (the production demo does: components.spec.ts).
  await expect(panel.frame.getByTestId('timings-note')).toHaveCount(0);
});

test('in a development build, the memoized chart is slow once, when it first sorts, and not on later refreshes', async ({
  page,
  openPanel,
  devServer,
}) => {
  const panel = await refreshChartThreeTimes(page, openPanel, `${devServer}?screen=slow&variant=fixed`);
  await expect(warning(panel, 'slow-render', 'PriceChart')).toHaveAttribute('data-count', '1');
});
