import { test, expect, expectValue } from './support/fixtures.js';

const MB = 1024 * 1024;

test('the panel shows the demo as connected, with heap used and a sample count that grows', async ({ page, openPanel }) => {
  await page.goto('/');
  const panel = await openPanel();
  await expect(panel.frame.getByTestId('connection-status')).toHaveText('Connected');
  await expectValue(panel, 'heap-used', (n) => n > 0, 'heap used is shown');
  await expectValue(panel, 'heap-limit', (n) => n > 0, 'heap limit is shown');
  await expectValue(panel, 'dom-nodes', (n) => n > 5, 'DOM elements are counted');
  const first = await panel.value('sample-count');
  await expectValue(panel, 'sample-count', (n) => n >= first + 2, 'the sample count grows');
  await expect(panel.frame.locator('[data-capability="uaMemory"]')).toHaveAttribute('data-state', 'active');
  await expectValue(panel, 'ua-memory-total', (n) => n > 0, 'user-agent memory is measured on the isolated demo');
  await expect(panel.frame.getByTestId('ua-breakdown')).toContainText('JavaScript');
  expect(await panel.errors()).toEqual([]);
});

test('keeping 20 MB in the demo raises heap used in the panel by at least 15 MB', async ({ page, openPanel }) => {
  await page.goto('/');
  const panel = await openPanel();
  await expectValue(panel, 'heap-used', (n) => n > 0, 'heap used is shown');
  // Let start-up settle, then take the baseline from the panel itself.
  await expectValue(panel, 'sample-count', (n) => n >= 4, 'a few samples were taken');
  const before = await panel.value('heap-used');
  await page.getByRole('button', { name: 'Allocate 20 MB' }).click();
  await expect(page.getByTestId('retained-chunks')).toContainText('Holding 20 MB');
  await expectValue(panel, 'heap-used', (n) => n - before >= 15 * MB, `heap used rises 15 MB above ${before}`);
  // The click's marker reaches the panel's timeline too.
  await expect.poll(() => panel.state<{ label: string }[]>('session.markers').then((m) => m.map((x) => x.label))).toContain('keep 20 MB (#1)');
});

test('a panel opened 10 s after the page loaded still shows the earlier samples', async ({ page, openPanel }) => {
  const loadedAt = Date.now();
  await page.goto('/');
  await page.waitForTimeout(10_000);
  const panel = await openPanel();
  await expect(panel.frame.getByTestId('connection-status')).toHaveText('Connected');
  // The demo samples every second: the snapshot must carry the ~10 samples taken before the panel existed.
  const chart = panel.frame.getByTestId('heap-chart');
  await expect.poll(async () => Number(await chart.getAttribute('data-points'))).toBeGreaterThanOrEqual(9);
  const firstT = Number(await chart.getAttribute('data-first-t'));
  expect(firstT).toBeGreaterThanOrEqual(loadedAt);
  expect(firstT).toBeLessThan(loadedAt + 5_000);
  expect(await panel.value('sample-count')).toBeGreaterThanOrEqual(9);
});

test('a reload starts a new session in the panel', async ({ page, openPanel }) => {
  await page.goto('/');
  const panel = await openPanel();
  await expect(panel.frame.getByTestId('connection-status')).toHaveText('Connected');
  await expectValue(panel, 'sample-count', (n) => n >= 4, 'the first session has a few samples');
  const firstSession = await panel.raw('session-id');
  expect(firstSession).toBe(await page.evaluate(() => window.__MEMSCOPE__?.sid));

  await page.reload();
  const secondSession = await page.evaluate(() => window.__MEMSCOPE__!.sid);
  expect(secondSession).not.toBe(firstSession);
  await expect.poll(() => panel.raw('session-id')).toBe(secondSession);
  await expect(panel.frame.getByTestId('connection-status')).toHaveText('Connected');
  // The new session starts from its own first sample, not the old session's count.
  expect(await panel.value('sample-count')).toBeLessThan(4);
  await expectValue(panel, 'sample-count', (n) => n >= 2, 'the new session keeps sampling');
});

test('a page without the SDK shows "SDK not detected" with how to add it', async ({ page, openPanel }) => {
  await page.goto('/no-sdk.html');
  const panel = await openPanel();
  await expect(panel.frame.getByTestId('connection-status')).toHaveText('SDK not detected on this page');
  await expect(panel.frame.locator('.howto')).toContainText("import { createMemscope } from 'memscope'");

  // And the same panel picks the SDK up when the tab moves on to a page that has it.
  await page.goto('/');
  await expect(panel.frame.getByTestId('connection-status')).toHaveText('Connected');
});

test('an SDK that speaks another protocol version is named as such, not as missing', async ({ page, openPanel }) => {
  await page.goto('/no-sdk.html');
  // What a future SDK's hello looks like to this extension.
  await page.evaluate(() => window.postMessage({ ns: 'memscope', v: 3, sid: 'future', seq: 0, kind: 'sdk/hello', data: {} }, '*'));
  const panel = await openPanel();
  await expect(panel.frame.getByTestId('connection-status')).toHaveText('The SDK on this page speaks another protocol version');
  await expect(panel.frame.getByTestId('protocol-mismatch')).toContainText('speaks protocol 3; this extension speaks protocol 2. Update the extension.');
});
