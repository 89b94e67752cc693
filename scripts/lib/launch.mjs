import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { findBrowser } from './find-browser.mjs';

/** The unpacked extension that `npm run build` writes. */
export const EXTENSION_DIR = resolve(import.meta.dirname, '../../dist/extension');

/**
 * Launches Chromium with the Memscope extension loaded (only a persistent context loads extensions)
 * and resolves with the context and the extension's id.
 * `handleSignals: false` leaves Ctrl-C to the caller (Playwright otherwise closes the browser and exits).
 * @param {{ headless?: boolean, userDataDir?: string, args?: string[], handleSignals?: boolean }} [options]
 */
export async function launchWithExtension(options = {}) {
  const executablePath = await findBrowser();
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'memscope-profile-')));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: options.headless ?? true,
    handleSIGINT: options.handleSignals ?? true,
    handleSIGTERM: options.handleSignals ?? true,
    viewport: null,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      // Without these Chromium keeps calling hosts that a closed network cannot reach.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // Precise performance.memory and prompt measureUserAgentSpecificMemory, for a demo that moves.
      '--enable-precise-memory-info',
      '--enable-blink-features=ForceEagerMeasureMemory',
      ...(options.args ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, userDataDir };
}
