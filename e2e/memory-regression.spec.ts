// The memory regression API as a user writes it: `memscope/playwright` on Playwright's own page.
import { test, expect } from 'memscope/playwright';
import type { LeakKind } from 'memscope/playwright';

const LEAKS: { scenario: string; kind: LeakKind; name: string }[] = [
  { scenario: 'detached', kind: 'dom-nodes', name: 'DOM nodes' },
  { scenario: 'listener', kind: 'listeners', name: 'event listeners' },
  { scenario: 'map', kind: 'heap', name: 'JS heap' },
  { scenario: 'interval', kind: 'heap', name: 'JS heap' },
];
const CONTROLS = ['bounded-cache', 'lazy', 'garbage'];

const runOnce = (page: import('@playwright/test').Page) => () => page.getByRole('button', { name: 'Run once' }).click();

for (const { scenario, kind, name } of LEAKS) {
  test(`the faulty "${scenario}" scenario is reported as a ${kind} leak`, async ({ page, memory }) => {
    await page.goto(`/?screen=leaks&scenario=${scenario}&variant=faulty`);
    const report = await memory.repeat(runOnce(page));
    expect(report).not.toHaveNoLeaks();
    const leak = report.leaks.find((l) => l.kind === kind);
    expect(leak, `a ${kind} leak among ${JSON.stringify(report.leaks.map((l) => l.kind))}`).toBeDefined();
    expect(leak!.name).toBe(name);
    expect(leak!.perIteration).toBeGreaterThan(0);
    expect(report.passed).toBe(false);
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
  // The attachments a CI run keeps: the JSON report and a self-contained HTML page.
  expect(testInfo.attachments.map((a) => a.name)).toEqual(['memscope-report.json', 'memscope-report.html']);
});

test('closing the fixed dialog frees it', async ({ page, memory }) => {
  await page.goto('/?screen=dialog&variant=fixed');
  const report = await memory.repeat(async () => {
    await page.getByRole('button', { name: 'Open' }).click();
    await page.getByRole('button', { name: 'Close' }).click();
  });
  expect(report).toHaveNoLeaks();
  expect(report).toStayWithinMemoryBudget({ domNodesPerIteration: 1, listenersPerIteration: 1, heapBytesPerIteration: 64 * 1024 });
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
