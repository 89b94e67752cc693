import { chromium, defineConfig } from '@playwright/test';
import { findBrowserWith } from './scripts/lib/find-browser.mjs';

// The DevTools front end only becomes a Playwright Page with this switch, and it must be set before
// Playwright starts a browser. See scripts/lib/devtools-panel.mjs.
process.env.PW_CHROMIUM_ATTACH_TO_OTHER = '1';

const PORT = Number(process.env.E2E_PORT ?? 5180);

export default defineConfig({
  testDir: 'e2e',
  // Each test runs its own Chromium with DevTools open (~400 MB and a busy core): one at a time on
  // a 2-core machine keeps timings honest.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    // For tests on Playwright's own `page` (the memory regression suite); extension tests launch their own.
    launchOptions: {
      executablePath: findBrowserWith(chromium),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'extension', testIgnore: /memory-regression/ },
    // Leak judgement must be stable, not lucky: every memory regression test runs three times.
    { name: 'memory', testMatch: /memory-regression/, repeatEach: 3 },
  ],
  webServer: {
    command: 'node demo-app/server/index.mjs',
    env: { PORT: String(PORT) },
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
