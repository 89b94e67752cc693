import { test, expect } from './support/fixtures.js';
import { dockDevTools } from '../scripts/lib/devtools-panel.mjs';
import {
  boxOf,
  cell,
  cellValue,
  closeDialogsAndJudge,
  expectFirstRowInSight,
  expectHeadersOnOneLine,
  expectOnlyTablesScrollSideways,
  expectRetainedDialogs,
  expectRowInView,
  openComponents,
  startStormAndExpectWarnings,
} from './support/components.js';

test('a render storm shows the storming component with a growing count and a warning', async ({ page, openPanel }) => {
  await page.goto('/?screen=storm&variant=faulty');
  const panel = await openPanel();
  await openComponents(panel);
  await startStormAndExpectWarnings(page, panel);
  // The demo runs React's production build, which measures no render times: the table leaves the time
  // columns out, and the panel says why.
  await expect(panel.frame.getByTestId('timings-note')).toContainText('only in development and profiling builds');
  for (const column of ['selfMs', 'avgMs', 'maxMs']) await expect(cell(panel, 'StormRow', column)).toHaveCount(0);
  await expect(panel.frame.getByRole('columnheader', { name: /ms/ })).toHaveCount(0);
  await expect(cell(panel, 'StormRow', 'renders')).toBeVisible();

  // Reset zeroes the counters in the page; live instances stay, and rows that have not rendered since
  // claim no reason (they used to read "mount").
  await page.getByRole('button', { name: 'Stop the clock' }).click();
  await panel.frame.getByTestId('reset-components').click();
  await expect(cell(panel, 'StormRow', 'renders')).toHaveAttribute('data-value', '0');
  await expect(cell(panel, 'StormRow', 'live')).toHaveAttribute('data-value', '500');
  await expect(cell(panel, 'StormRow', 'reasons')).toHaveText('—');
});

test('under the warnings of a render storm, the table still shows its first rows without scrolling the panel', async ({ page, openPanel }) => {
  await page.goto('/?screen=storm&variant=faulty');
  const panel = await openPanel();
  await openComponents(panel);
  await startStormAndExpectWarnings(page, panel);
  // Playwright's DevTools window is short (under 500 px for the panel), as a docked DevTools often is.
  await expectFirstRowInSight(panel, 'StormRow');
});

test('in a panel under 300 px wide, only tables scroll sideways, the components table headers keep to one line, and the tabs wrap under the toolbar', async ({ page, openPanel }) => {
  await page.goto('/?screen=storm&variant=faulty');
  const panel = await openPanel();
  await openComponents(panel);
  await startStormAndExpectWarnings(page, panel);
  // DevTools docked at the side of a small window: Playwright's DevTools window 420 px wide gives the panel about 270.
  await panel.devtools.setViewportSize({ width: 420, height: 700 });
  await expect.poll(() => panel.frame.evaluate(() => innerWidth), { message: 'the panel narrows' }).toBeLessThan(300);
  await expectOnlyTablesScrollSideways(panel);
  await expectHeadersOnOneLine(panel);
  await expect(panel.frame.getByTestId('reset-components')).toBeInViewport({ ratio: 1 });
  // The tabs wrap under the toolbar; on the Overview, whose cards overflow the height, the header keeps both lines.
  await panel.frame.getByRole('tab', { name: 'Overview' }).click();
  await expectOnlyTablesScrollSideways(panel);
  const [header, connection] = [await boxOf(panel.frame.locator('.header')), await boxOf(panel.frame.locator('.connection'))];
  expect(header.bottom, 'the header ends above the connection line').toBeLessThanOrEqual(connection.top + 0.5);
});

test('with DevTools docked at the bottom, the details and warnings sit beside the table, which keeps the panel\'s height', async ({
  page,
  openPanel,
}) => {
  await page.goto('/?screen=storm&variant=faulty');
  const panel = await openPanel();
  await openComponents(panel);
  await startStormAndExpectWarnings(page, panel);
  // Docked at the bottom of a window 1,280 px wide: a wide panel, and a short one.
  await dockDevTools(panel.devtools, 'bottom');
  await panel.devtools.setViewportSize({ width: 1280, height: 800 });
  await expect.poll(() => panel.frame.evaluate(() => innerWidth), { message: 'the panel widens' }).toBeGreaterThan(880);
  await cell(panel, 'StormRow', 'name').click();
  const box = (testId: string) => boxOf(panel.frame.getByTestId(testId));
  const [table, details, warnings] = await Promise.all([box('components-table'), box('component-details'), box('render-warnings')]);
  expect(details.left, 'the details are right of the table').toBeGreaterThanOrEqual(table.right);
  expect(warnings.left, 'so are the warnings').toBeGreaterThanOrEqual(table.right);
  await expectFirstRowInSight(panel, 'StormRow');
  await expect(panel.frame.getByTestId('component-details')).toHaveAttribute('data-component', 'StormRow');
});

test('the arrow keys select a component in the table, and its details say why it rendered', async ({ page, openPanel }) => {
  await page.goto('/?screen=storm&variant=faulty');
  const panel = await openPanel();
  await openComponents(panel);
  const details = panel.frame.getByTestId('component-details');
  await expect(details).toContainText('Select a component to see why it rendered');
  await page.getByRole('button', { name: 'Start the clock' }).click();
  await expect.poll(() => cellValue(panel, 'StormRow', 'renders'), { message: 'StormRow re-renders' }).toBeGreaterThan(5_000);
  await page.getByRole('button', { name: 'Stop the clock' }).click();
  // Stopping re-renders the rows once more (the provider's value is new in that commit too), and the
  // panel gets counts in batches: wait until it shows the page's final count, which the details must
  // then repeat. Read before that batch came, the count would be one commit old.
  await expect(page.getByRole('button', { name: 'Start the clock' })).toBeVisible();
  const final = await page.evaluate(() => window.__MEMSCOPE__!.react!.components.find((c) => c.name === 'StormRow')!.renders);
  await expect(cell(panel, 'StormRow', 'renders')).toHaveAttribute('data-value', String(final));

  // The table takes focus as one stop; Home selects its first row, the most rendered.
  await panel.frame.getByTestId('components-filter').fill('Storm');
  const table = panel.frame.getByTestId('components-table');
  await table.focus();
  await table.press('Home');
  const selected = table.locator('tbody tr[aria-selected="true"]');
  await expect(selected).toHaveAttribute('data-component', 'StormRow');
  await expect(table).toHaveAttribute('aria-activedescendant', (await selected.getAttribute('id'))!);
  await expect(details).toHaveAttribute('data-component', 'StormRow');
  await expect(details.locator('[data-field="renders"]')).toHaveAttribute('data-value', String(final));
  await expect(details.locator('[data-field="live"]')).toHaveAttribute('data-value', '500');
  // Every re-render of a memo row whose props never change came from the context it reads.
  await expect(details.locator('[data-reason="props"]')).toHaveAttribute('data-value', '0');
  expect(Number(await details.locator('[data-reason="context"]').getAttribute('data-value'))).toBeGreaterThan(0);
  await expect(details.getByTestId('last-reasons')).toHaveText('Last render: context');
  await expect(details.getByTestId('render-times')).toContainText('not measured');

  // Down moves to the next row, End to the last, Escape clears the selection.
  await table.press('ArrowDown');
  await expect(selected).toHaveAttribute('aria-rowindex', '3');
  await expect(details).toHaveAttribute('data-component', (await selected.getAttribute('data-component'))!);
  await table.press('End');
  await expect(selected).toHaveAttribute('aria-rowindex', String(Number(await table.getAttribute('aria-rowcount'))));
  await table.press('Escape');
  await expect(selected).toHaveCount(0);
  await expect(details).toContainText('Select a component');

  // A click selects too.
  await cell(panel, 'StormList', 'name').click();
  await expect(details).toHaveAttribute('data-component', 'StormList');
});

test('the fixed render storm renders each row once and raises no warning', async ({ page, openPanel }) => {
  await page.goto('/?screen=storm&variant=fixed');
  const panel = await openPanel();
  await openComponents(panel);
  await page.getByRole('button', { name: 'Start the clock' }).click();
  await expect.poll(() => cellValue(panel, 'TickLabel', 'renders'), { message: 'the clock ticks' }).toBeGreaterThan(40);
  expect(await cellValue(panel, 'StormRow', 'renders')).toBe(500);
  await expect(panel.frame.locator('[data-testid="render-warnings"] [data-component="StormRow"]')).toHaveCount(0);
});

for (const variant of ['faulty', 'fixed'] as const) {
  test(`opening and closing the ${variant} dialog 5 times leaves ${variant === 'faulty' ? 5 : 0} retained after unmount`, async ({
    page,
    openPanel,
  }) => {
    await page.goto(`/?screen=dialog&variant=${variant}`);
    const panel = await openPanel();
    await openComponents(panel);
    await closeDialogsAndJudge(page, panel, 5);
    await expectRetainedDialogs(panel, variant === 'faulty' ? 5 : 0);
    if (variant === 'faulty') {
      // The name in the retained list selects the component, for its details.
      await panel.frame.getByTestId('retained-list').getByRole('button', { name: 'Dialog' }).click();
      await expect(panel.frame.getByTestId('component-details').locator('[data-field="retained"]')).toHaveAttribute('data-value', '5');
    }
  });
}

test('with a hook already on the page (as React DevTools or react-refresh leave), both it and Memscope see every commit', async ({
  page,
  openPanel,
}) => {
  await page.addInitScript(() => {
    const hook = {
      renderers: new Map<number, unknown>(),
      supportsFiber: true,
      commits: 0,
      inject(renderer: unknown) {
        const id = hook.renderers.size + 1;
        hook.renderers.set(id, renderer);
        return id;
      },
      onCommitFiberRoot() {
        hook.commits++;
      },
      onCommitFiberUnmount() {},
      onPostCommitFiberRoot() {},
      checkDCE() {},
    };
    (window as unknown as { __REACT_DEVTOOLS_GLOBAL_HOOK__: unknown }).__REACT_DEVTOOLS_GLOBAL_HOOK__ = hook;
    (window as unknown as { __firstHook: unknown }).__firstHook = hook;
  });
  await page.goto('/?screen=storm&variant=faulty');
  const panel = await openPanel();
  await openComponents(panel);
  await expect(panel.frame.getByText('shared hook')).toBeVisible();
  await page.getByRole('button', { name: 'Start the clock' }).click();
  await page.waitForTimeout(1_000);
  await page.getByRole('button', { name: 'Stop the clock' }).click();
  const counts = await page.evaluate(() => {
    const first = (window as unknown as { __firstHook: { commits: number; renderers: Map<number, unknown> } }).__firstHook;
    return {
      sameObject: first === (window as unknown as { __REACT_DEVTOOLS_GLOBAL_HOOK__: unknown }).__REACT_DEVTOOLS_GLOBAL_HOOK__,
      theirs: first.commits,
      theirRenderers: first.renderers.size,
      ours: window.__MEMSCOPE_REACT__!.commits,
      walked: window.__MEMSCOPE__!.react!.status.hook.commits,
    };
  });
  expect(counts.sameObject, 'the hook object was not replaced').toBe(true);
  expect(counts.theirRenderers).toBe(1);
  expect(counts.theirs).toBeGreaterThan(20);
  expect(counts.ours).toBe(counts.theirs);
  expect(counts.walked).toBe(counts.theirs);
});

test('the panel says plainly when React loaded before the Memscope hook', async ({ page, openPanel }) => {
  // The same demo with the installer left out of <head>, as in an app that imports it too late.
  await page.route(/\/\?screen=storm/, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(/<script>[\s\S]*?<\/script>/, '');
    expect(html).not.toContain('__MEMSCOPE_REACT__');
    await route.fulfill({ response, body: html });
  });
  await page.goto('/?screen=storm&variant=faulty');
  const panel = await openPanel();
  await panel.frame.getByRole('tab', { name: 'Components' }).click();
  await expect(panel.frame.getByTestId('react-status')).toHaveAttribute('data-value', 'late');
  await expect(panel.frame.getByRole('alert')).toHaveText('React loaded before the Memscope hook, so its renders cannot be seen.');
  await expect(panel.frame.getByTestId('react-status')).toContainText("memscope/vite");
  await panel.frame.getByRole('tab', { name: 'Overview' }).click();
  await expect(panel.frame.locator('[data-capability="react"]')).toHaveAttribute('data-state', 'unavailable');
});

test('5,000 distinct components stay a virtualised table that sorts and filters', async ({ page, openPanel }) => {
  await page.goto('/?screen=many');
  const panel = await openPanel();
  await openComponents(panel);
  const table = panel.frame.getByTestId('components-table');
  await expect(panel.frame.getByText(/^5,0\d\d of 5,0\d\d components$/)).toBeVisible();
  // Only the rows in view (plus a few) are in the DOM.
  expect(await table.locator('tbody tr[data-component]').count()).toBeLessThan(100);

  await page.getByRole('button', { name: 'Re-render all' }).click();
  await expect(cell(panel, 'Generated0', 'renders')).toHaveAttribute('data-value', '2');
  // That commit examined the reasons of about 1,000 of the 5,000: the rest say so, none claims a mount.
  await panel.frame.getByTestId('components-filter').fill('Generated');
  const reasons = table.locator('tbody tr[data-component^="Generated"] td[data-column="reasons"]');
  await expect(reasons.filter({ hasText: /^not sampled$/ }).first()).toBeVisible();
  await expect(reasons.filter({ hasText: /^props \(n\)$/ }).first()).toBeVisible();
  await expect(reasons.filter({ hasText: /^mount$/ })).toHaveCount(0);

  await panel.frame.getByTestId('components-filter').fill('Generated4999');
  await expect(table.locator('tbody tr[data-component]')).toHaveCount(1);
  await expect(cell(panel, 'Generated4999', 'renders')).toHaveAttribute('data-value', '2');
  await panel.frame.getByTestId('components-filter').fill('');

  // Sorting by name, descending: the last name comes first.
  await table.getByRole('button', { name: 'Component' }).click();
  await table.getByRole('button', { name: /Component/ }).click();
  await expect(table.locator('th').first()).toHaveAttribute('aria-sort', 'descending');
  await expect(table.locator('tbody tr[data-component]').first()).toHaveAttribute('data-component', 'ManyComponents');
  // Scrolling to the end brings the other end of the list into the DOM.
  await table.locator('..').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(table.locator('tbody tr[data-component="App"]')).toHaveCount(1);

  // The keyboard reaches every row of the virtualised table and scrolls it into view, clear of the sticky header.
  await table.focus();
  await table.press('Home');
  const selected = table.locator('tbody tr[aria-selected="true"]');
  await expect(selected).toHaveAttribute('data-component', 'ManyComponents');
  await expectRowInView(table);
  await table.press('PageDown');
  const pageDown = Number(await selected.getAttribute('aria-rowindex'));
  expect(pageDown, 'Page Down moves by the rows in view').toBeGreaterThan(3);
  await expectRowInView(table);
  await table.press('PageUp');
  await expect(selected).toHaveAttribute('aria-rowindex', '2');
  await table.press('End');
  await expect(selected).toHaveAttribute('data-component', 'App');
  await expectRowInView(table);
  // A page up from the bottom scrolls the row to the top of the view: it must not hide under the header.
  await table.press('PageUp');
  await table.press('PageUp');
  await expectRowInView(table);
  await expect(panel.frame.getByTestId('component-details')).toHaveAttribute('data-component', (await selected.getAttribute('data-component'))!);
});

test('re-rendering 5,000 components ten times keeps every count exact and still says why each re-rendered', async ({ page, openPanel }) => {
  await page.goto('/?screen=many');
  const panel = await openPanel();
  await openComponents(panel);
  // Each commit renders 5,000 components, over the reason budget: reasons are examined for about
  // 1,000 per commit, each component in turn, while render counts stay exact.
  await page.evaluate(async () => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Re-render all')!;
    for (let i = 0; i < 10; i++) {
      button.click();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  });
  const filter = panel.frame.getByTestId('components-filter');
  for (const name of ['Generated0', 'Generated2500', 'Generated4999']) {
    await filter.fill(name);
    await expect(cell(panel, name, 'renders')).toHaveAttribute('data-value', '11');
    await expect(cell(panel, name, 'mounts')).toHaveAttribute('data-value', '1');
    await expect(cell(panel, name, 'reasons')).toHaveText('props (n)');
  }
});
