// The memory regression API as a user writes it: `memscope/playwright` on Playwright's own page.
import { test, expect } from 'memscope/playwright';
import type { LeakKind } from 'memscope/playwright';

/** Each faulty scenario: the counter that grows, and the leak the heap snapshots name, with what holds it. */
const LEAKS: { scenario: string; kind: LeakKind; name: string; named: { kind: LeakKind; name: RegExp; retainers: RegExp } }[] = [
  { scenario: 'detached', kind: 'dom-nodes', name: 'DOM nodes',
    named: { kind: 'detached-dom', name: /^<p>$/, retainers: /^Window\.archivedCards → Array\[\d+\] → Detached <section class="archived-card">\[\d+\] → Detached <p>$/ } },
  { scenario: 'listener', kind: 'listeners', name: 'event listeners',
    named: { kind: 'objects', name: /^onResize\(\)$/, retainers: /^Window.* → RegisteredEventListener.* → V8EventListener\[\d+\] → onResize\(\)$/ } },
  { scenario: 'map', kind: 'heap', name: 'JS heap',
    named: { kind: 'collection', name: /^Map$/, retainers: /→ Leaks\(\)\(context\) → .*Map$/ } },
  { scenario: 'interval', kind: 'heap', name: 'JS heap',
    named: { kind: 'objects', name: /.*/, retainers: /→ DOMTimer\[\d+\] → ScheduledAction\[\d+\] → V8Function\[\d+\] → / } },
];
const CONTROLS = ['bounded-cache', 'lazy', 'garbage'];

const runOnce = (page: import('@playwright/test').Page) => () => page.getByRole('button', { name: 'Run once' }).click();

for (const { scenario, kind, name, named } of LEAKS) {
  test(`the faulty "${scenario}" scenario is reported as a ${kind} leak`, async ({ page, memory }) => {
    await page.goto(`/?screen=leaks&scenario=${scenario}&variant=faulty`);
    const report = await memory.repeat(runOnce(page));
    expect(report).not.toHaveNoLeaks();
    const leak = report.leaks.find((l) => l.kind === kind);
    expect(leak, `a ${kind} leak among ${JSON.stringify(report.leaks.map((l) => l.kind))}`).toBeDefined();
    expect(leak!.name).toBe(name);
    expect(leak!.perIteration).toBeGreaterThan(0);
    expect(report.passed).toBe(false);
    // The heap snapshots name what leaked and the chain of references that keeps it.
    const found = report.leaks.filter((l) => l.kind === named.kind && named.name.test(l.name) && named.retainers.test(l.retainers?.[0] ?? ''));
    expect(found, `a ${named.kind} leak named like ${named.name} held by ${named.retainers}, among:\n${report.leaks.map((l) => `${l.kind} ${l.name}: ${l.retainers?.[0]}`).join('\n')}`).not.toHaveLength(0);
  });

  test(`the fixed "${scenario}" scenario has no leaks`, async ({ page, memory }) => {
    await page.goto(`/?screen=leaks&scenario=${scenario}&variant=fixed`);
    expect(await memory.repeat(runOnce(page))).toHaveNoLeaks();
  });
}

for (const control of CONTROLS) {
  test(`the "${control}" control is not a leak`, async ({ page, memory }) => {
    await page.goto(`/?screen=leaks&scenario=${control}&variant=faulty`);
    expect(await memory.repeat(runOnce(page))).toHaveNoLeaks();
  });
}

test('a React component kept alive after unmount is reported by name', async ({ page, memory }, testInfo) => {
  await page.goto('/?screen=dialog&variant=faulty');
  const report = await memory.repeat(async () => {
    await page.getByRole('button', { name: 'Open' }).click();
    await page.getByRole('button', { name: 'Close' }).click();
  });
  testInfo.annotations.push({ type: 'repeat wall time', description: `${report.durationMs} ms for ${report.iterations} iterations` });
  const leak = report.leaks.find((l) => l.kind === 'components');
  expect(leak?.name).toBe('Dialog');
  expect(leak!.perIteration).toBeCloseTo(1, 0);
  expect(report.measured.join(' ')).toContain('Memscope SDK');
  // What a CI run keeps of a failure: the JSON report, a self-contained HTML page, and the heap snapshots.
  expect(testInfo.attachments.map((a) => a.name)).toEqual([
    'memscope-report.json', 'memscope-report.html', 'baseline.heapsnapshot', 'target.heapsnapshot', 'final.heapsnapshot',
  ]);
});

test('closing the fixed dialog frees it', async ({ page, memory }, testInfo) => {
  await page.goto('/?screen=dialog&variant=fixed');
  const report = await memory.repeat(async () => {
    await page.getByRole('button', { name: 'Open' }).click();
    await page.getByRole('button', { name: 'Close' }).click();
  });
  expect(report).toHaveNoLeaks();
  expect(report).toStayWithinMemoryBudget({ domNodesPerIteration: 1, listenersPerIteration: 1, heapBytesPerIteration: 64 * 1024 });
  // A pass keeps the report, not the (large) snapshots.
  expect(testInfo.attachments.map((a) => a.name)).toEqual(['memscope-report.json', 'memscope-report.html']);
});

test('memory.snapshot writes a snapshot and summarises it', async ({ page, memory }) => {
  await page.goto('/?screen=leaks&scenario=detached&variant=faulty');
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Run once' }).click();
  const { path, summary } = await memory.snapshot();
  expect(path).toMatch(/heap-1\.heapsnapshot$/);
  expect(summary.nodes).toBeGreaterThan(10_000);
  const p = summary.detached.find((row) => row.name === '<p>');
  expect(p?.count).toBeGreaterThanOrEqual(150);
  expect(p!.retainers).toMatch(/^Window\.archivedCards → /);
});

test('a failing matcher names the leak and says what to do next', async ({ page, memory }) => {
  await page.goto('/?screen=leaks&scenario=detached&variant=faulty');
  const report = await memory.repeat(runOnce(page), { iterations: 4 });
  let message = '';
  try {
    expect(report).toHaveNoLeaks();
  } catch (error) {
    message = (error as Error).message;
  }
  expect(message).toContain('[dom-nodes] DOM nodes grow by 101 per iteration');
  expect(message).toContain('memscope-report.html');
});

test('an action that throws fails with the iteration it failed in', async ({ page, memory }) => {
  await page.goto('/?screen=leaks&scenario=lazy');
  let calls = 0;
  const failure = memory.repeat(() => {
    if (++calls === 5) throw new Error('the button is gone');
  }, { warmups: 2, iterations: 4 });
  await expect(failure).rejects.toThrow('memory.repeat: the action failed in iteration 3 of 4: the button is gone');
});
