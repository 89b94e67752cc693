import { test as base, expect } from './support/fixtures.js';
import {
  cell,
  cellValue,
  closeDialogsAndJudge,
  expectRetainedDialogs,
  openComponents,
  refreshChartThreeTimes,
  startStormAndExpectWarnings,
  warning,
} from './support/components.js';
import { REACT_18_DEMO, buildAndServeDemo, startDemoDevServer } from './support/demo-servers.js';

/**
 * The demo on React 18.3 instead of 19, with the real extension and panel: its production build served
 * by the demo's own server, and its development build on Vite's dev server. React 18 differs where the
 * walker reads: a context provider's fiber type is a `{ _context }` object (in 19 it is the context), and
 * only the development build records render durations. Each server starts once for this file.
 */
const test = base.extend<object, { react18Production: string; react18Development: string }>({
  react18Production: [
    async ({}, use) => {
      const server = await buildAndServeDemo(REACT_18_DEMO);
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],
  react18Development: [
    async ({}, use) => {
      const server = await startDemoDevServer(REACT_18_DEMO);
      await use(server.url);
      await server.close();
    },
    { scope: 'worker' },
  ],
});

test('on React 18.3 in production, a render storm shows the storming rows, the provider that re-renders them, and warnings', async ({
  page,
  openPanel,
  react18Production,
}) => {
  await page.goto(`${react18Production}?screen=storm&variant=faulty`);
  const panel = await openPanel();
  await openComponents(panel);
  await expect(panel.frame.getByTestId('react-status')).toContainText('react-dom 18.3.1 (production)');
  await startStormAndExpectWarnings(page, panel);
  // The faulty clock gives the provider a new value object every tick: React 18's provider type is named too.
  expect(await cellValue(panel, 'Highlight.Provider', 'renders')).toBeGreaterThan(10);
  await expect(cell(panel, 'Highlight.Provider', 'reasons')).toContainText('props (value)');
});

for (const variant of ['faulty', 'fixed'] as const) {
  test(`on React 18.3 in production, opening and closing the ${variant} dialog 5 times leaves ${variant === 'faulty' ? 5 : 0} retained after unmount`, async ({
    page,
    openPanel,
    react18Production,
  }) => {
    await page.goto(`${react18Production}?screen=dialog&variant=${variant}`);
    const panel = await openPanel();
    await openComponents(panel);
    await closeDialogsAndJudge(page, panel, 5);
    await expectRetainedDialogs(panel, variant === 'faulty' ? 5 : 0);
  });
}

test('on React 18.3 in development, the panel shows render times and warns of the chart that renders slowly on every refresh', async ({
  page,
  openPanel,
  react18Development,
}) => {
  const panel = await refreshChartThreeTimes(page, openPanel, `${react18Development}?screen=slow&variant=faulty`);
  await expect(panel.frame.getByTestId('react-status')).toContainText('react-dom 18.3.1 (development)');
  await expect(warning(panel, 'slow-render', 'PriceChart')).toHaveAttribute('data-count', '4');
  expect(await cellValue(panel, 'PriceChart', 'maxMs')).toBeGreaterThan(16);
  expect(await cellValue(panel, 'PriceChart', 'selfMs')).toBeGreaterThan(4 * 16);
});
