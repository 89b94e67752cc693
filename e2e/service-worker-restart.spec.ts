import { test, expect, expectValue } from './support/fixtures.js';

test('after the service worker is stopped mid-session the panel reconnects and shows no sample twice', async ({
  page,
  context,
  openPanel,
}) => {
  await page.goto('/');
  const panel = await openPanel();
  await expectValue(panel, 'sample-count', (n) => n >= 3, 'the session is streaming');
  // Playwright keeps one Worker handle across restarts, so mark this instance to tell it from the next.
  const worker = context.serviceWorkers()[0]!;
  await worker.evaluate(() => ((globalThis as { __instance?: string }).__instance = 'before-stop'));

  // Stop the extension's worker the way Chrome does when it idles.
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  const stoppedAt = Date.now();

  // The page relay and the panel both reconnect, which starts a new worker instance.
  await expect
    .poll(() => worker.evaluate(() => (globalThis as { __instance?: string }).__instance ?? 'new').catch(() => 'stopped'), {
      message: 'a new worker instance is running',
    })
    .toBe('new');
  await expect.poll(() => panel.state<number>('portConnects'), { message: "the panel's port reconnected" }).toBeGreaterThan(1);
  const afterRestart = await panel.value('sample-count');
  await expectValue(panel, 'sample-count', (n) => n >= afterRestart + 3, 'samples keep arriving after the restart');

  const times = await panel.state<{ t: number }[]>('session.samples').then((s) => s.map((x) => x.t));
  expect(new Set(times).size, 'no sample is shown twice').toBe(times.length);
  for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThan(times[i - 1]!);
  expect(times.some((t) => t > stoppedAt), 'samples taken after the restart are shown').toBe(true);
  // Everything the panel shows is what the SDK holds, in the same order.
  const sdkTimes = await page.evaluate(() => window.__MEMSCOPE__!.samples.map((s) => s.t));
  expect(sdkTimes).toEqual(expect.arrayContaining(times));
  await expect(panel.frame.getByTestId('connection-status')).toHaveText('Connected');
});
