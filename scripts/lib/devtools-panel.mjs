// Everything here uses Chromium DevTools internals (not a public API). It is the one place to mend
// when a Chromium update changes them. It needs PW_CHROMIUM_ATTACH_TO_OTHER=1 set before Playwright
// starts, which makes the DevTools front end a Playwright Page.

/** The DevTools panel id of an extension panel: the extension's origin followed by the panel title. */
export const panelId = (extensionId, title = 'Memory') => `chrome-extension://${extensionId}${title}`;

/**
 * Opens DevTools for `page`, shows Memscope's Memory panel, and resolves with the panel's Frame.
 * @param {import('@playwright/test').BrowserContext} context
 * @param {import('@playwright/test').Page} page
 * @param {string} extensionId
 * @param {{ timeout?: number }} [options]
 */
export async function openMemoryPanel(context, page, extensionId, { timeout = 20_000 } = {}) {
  if (process.env.PW_CHROMIUM_ATTACH_TO_OTHER !== '1') {
    throw new Error('Set PW_CHROMIUM_ATTACH_TO_OTHER=1 before Playwright starts, or the DevTools window is not reachable.');
  }
  const deadline = Date.now() + timeout;
  const browser = context.browser();
  const cdp = browser ? await browser.newBrowserCDPSession() : await context.newCDPSession(page);
  const pageUrl = page.url();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'page' && t.url === pageUrl);
  if (!target) throw new Error(`No DevTools target for ${pageUrl}; is the page open?`);
  const devtoolsPromise = context.waitForEvent('page', {
    predicate: (p) => p.url().startsWith('devtools://'),
    timeout,
  });
  await cdp.send('Target.openDevTools', { targetId: target.targetId });
  const devtools = await devtoolsPromise;
  // Touching DevTools internals before the extension's devtools page is loaded breaks DevTools
  // ("Unable to create settings"): wait for that frame first.
  await waitFor(() => devtools.frames().some((f) => f.url().includes(`${extensionId}/extension/devtools/devtools.html`)), deadline, 'the Memscope devtools page');
  const id = panelId(extensionId);
  await waitFor(
    () =>
      devtools
        .evaluate(async (panel) => {
          const legacy = await import('./ui/legacy/legacy.js');
          const view = legacy.InspectorView.InspectorView.instance();
          if (!view.hasPanel(panel)) return false;
          await view.showPanel(panel);
          return true;
        }, id)
        .catch(() => false),
    deadline,
    `the ${id} panel in DevTools`,
  );
  let frame;
  await waitFor(() => (frame = devtools.frames().find((f) => f.url().includes(`${extensionId}/extension/panel/panel.html`))), deadline, 'the Memory panel frame');
  await cdp.detach().catch(() => {});
  return { devtools, panel: frame };
}

async function waitFor(check, deadline, what) {
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Docks the DevTools window `devtools` (from `openMemoryPanel`) on `side` of the page: 'bottom',
 * 'right', 'left' or 'undocked'. Playwright's DevTools window opens docked on the right, narrow.
 * @param {import('@playwright/test').Page} devtools
 * @param {'bottom' | 'right' | 'left' | 'undocked'} side
 */
export async function dockDevTools(devtools, side) {
  await devtools.evaluate(async (to) => {
    const legacy = await import('./ui/legacy/legacy.js');
    legacy.DockController.DockController.instance().setDockSide(to);
  }, side);
}
