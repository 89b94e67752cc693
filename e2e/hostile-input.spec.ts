import { test, expect, expectValue } from './support/fixtures.js';

test('1,000 forged or malformed messages are counted as rejected or ignored, and nothing breaks', async ({
  page,
  context,
  openPanel,
  pageErrors,
}) => {
  await page.goto('/');
  const panel = await openPanel();
  await expect(panel.frame.getByTestId('connection-status')).toHaveText('Connected');
  const worker = context.serviceWorkers()[0]!;
  await worker.evaluate(() => {
    const g = globalThis as unknown as { __errors: string[] };
    g.__errors = [];
    addEventListener('error', (e) => g.__errors.push(String((e as ErrorEvent).message)));
    addEventListener('unhandledrejection', (e) => g.__errors.push(String((e as PromiseRejectionEvent).reason)));
  });
  const before = { rejected: await panel.value('rejected-count'), ignored: await panel.value('ignored-count') };

  const posted = await page.evaluate(() => {
    const sid = window.__MEMSCOPE__!.sid;
    const env = (over: Record<string, unknown>) => ({ ns: 'memscope', v: 2, sid, seq: 999, kind: 'sdk/batch', data: {}, ...over });
    const validBatch = { samples: [], uaMeasurements: [], markers: [], totalSamples: 1, dropped: { samples: 0, uaMeasurements: 0, markers: 0, messages: 0 } };
    const ignored: unknown[] = [];
    const rejected: unknown[] = [];
    for (let i = 0; i < 50; i++) ignored.push(i, `memscope ${i}`, null, [i, 'memscope']);
    for (let i = 0; i < 200; i++) ignored.push({ ns: i % 2 ? 'redux-devtools' : 'MEMSCOPE', v: 1, sid, seq: i, kind: 'sdk/batch', data: validBatch });
    for (let i = 0; i < 150; i++) rejected.push(env({ v: i % 3 === 0 ? 3 : i % 3 === 1 ? '2' : 0, data: validBatch }));
    for (let i = 0; i < 150; i++) {
      const wrong = [{ seq: -1 }, { seq: 'one' }, { kind: 123 }, { sid: 42 }, { data: { ...validBatch, samples: 'many' } }, { data: { ...validBatch, samples: [{ t: 'now' }] } }];
      rejected.push(env({ ...wrong[i % wrong.length], data: (wrong[i % wrong.length] as { data?: unknown }).data ?? validBatch }));
    }
    for (let i = 0; i < 100; i++) rejected.push(env({ kind: i % 2 ? 'sdk/eval' : 'panel/run-script', data: { code: 'alert(1)' } }));
    const bigLabel = 'x'.repeat(1_000_000);
    const manySamples = Array.from({ length: 20_001 }, (_, t) => ({ t }));
    for (let i = 0; i < 100; i++) {
      rejected.push(env({ data: i % 2 ? { ...validBatch, markers: [{ t: 1, label: bigLabel }] } : { ...validBatch, samples: manySamples } }));
    }
    for (let i = 0; i < 100; i++) {
      // An own "__proto__" key, as JSON.parse makes it; paired with a wrong type so it must be rejected.
      rejected.push(JSON.parse(`{"ns":"memscope","v":2,"sid":"${sid}","seq":${i},"kind":"sdk/batch","__proto__":{"polluted":true},"data":{"__proto__":{"polluted":true},"samples":[{"t":-5}],"uaMeasurements":[],"markers":[],"totalSamples":1,"dropped":{"samples":0,"uaMeasurements":0,"markers":0,"messages":0}}}`));
    }
    for (const message of [...ignored, ...rejected]) window.postMessage(message, '*');
    return { ignored: ignored.length, rejected: rejected.length };
  });
  expect(posted.ignored + posted.rejected).toBe(1000);

  await expectValue(panel, 'rejected-count', (n) => n === before.rejected + posted.rejected, `${posted.rejected} rejected`);
  await expectValue(panel, 'ignored-count', (n) => n === before.ignored + posted.ignored, `${posted.ignored} ignored`);

  // Relay and panel keep working: new samples still arrive.
  const count = await panel.value('sample-count');
  await expectValue(panel, 'sample-count', (n) => n >= count + 2, 'samples keep arriving');
  await expect(panel.frame.getByTestId('connection-status')).toHaveText('Connected');

  // Nothing was polluted and nothing threw, anywhere.
  expect(await panel.frame.evaluate(() => ({} as Record<string, unknown>).polluted)).toBeUndefined();
  expect(await page.evaluate(() => window.__MEMSCOPE__!.errors)).toBe(0);
  expect(await panel.errors()).toEqual([]);
  expect(await worker.evaluate(() => (globalThis as unknown as { __errors: string[] }).__errors)).toEqual([]);
  expect(pageErrors).toEqual([]);
});
