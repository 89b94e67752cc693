import { readFile } from 'node:fs/promises';
import { test, expect, expectValue } from './support/fixtures.js';

test('pause holds the view still while samples keep arriving, and resume catches up', async ({ page, openPanel }) => {
  await page.goto('/');
  const panel = await openPanel();
  await expectValue(panel, 'sample-count', (n) => n >= 2, 'the session is streaming');
  await panel.frame.getByTestId('pause').click();
  await expect(panel.frame.getByTestId('pause')).toHaveAttribute('aria-pressed', 'true');
  const held = await panel.value('sample-count');
  const sdkBefore = await page.evaluate(() => window.__MEMSCOPE__!.totalSamples);
  await expect.poll(() => page.evaluate(() => window.__MEMSCOPE__!.totalSamples)).toBeGreaterThanOrEqual(sdkBefore + 3);
  expect(await panel.value('sample-count')).toBe(held);

  await panel.frame.getByTestId('pause').click();
  await expectValue(panel, 'sample-count', (n) => n >= sdkBefore + 3, 'the view catches up after resume');
});

test('export saves the session as JSON with its samples and markers', async ({ page, openPanel }) => {
  await page.goto('/');
  const panel = await openPanel();
  await expectValue(panel, 'sample-count', (n) => n >= 2, 'the session is streaming');
  const [download] = await Promise.all([panel.devtools.waitForEvent('download'), panel.frame.getByRole('button', { name: 'Export' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^memscope-session-.*\.json$/);
  const saved = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
    format: string;
    session: { sid: string; samples: { heapUsed: number }[]; markers: { label: string }[] };
  };
  expect(saved.format).toBe('memscope-session');
  expect(saved.session.sid).toBe(await page.evaluate(() => window.__MEMSCOPE__!.sid));
  expect(saved.session.samples.length).toBeGreaterThanOrEqual(2);
  expect(saved.session.samples[0]!.heapUsed).toBeGreaterThan(0);
  expect(saved.session.markers.map((m) => m.label)).toContain('app start');
});
