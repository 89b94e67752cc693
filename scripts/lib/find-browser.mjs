import { existsSync } from 'node:fs';

/** Where Debian and Ubuntu put Chromium. */
const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * Finds a Chromium to run the extension in, in this order: the MEMSCOPE_CHROMIUM environment variable,
 * Playwright's own downloaded Chromium, the system's Chromium. Throws with what to do when none exists.
 * (Google Chrome's branded builds ignore --load-extension since Chrome 137, so they are not looked for.)
 * @returns {Promise<string>}
 */
export async function findBrowser() {
  return findBrowserWith((await import('@playwright/test')).chromium);
}

/**
 * The same search, synchronous, for Playwright configs.
 * @param {{ executablePath(): string }} [chromium] Playwright's chromium, when the caller has it.
 * @returns {string}
 */
export function findBrowserWith(chromium) {
  const fromEnv = process.env.MEMSCOPE_CHROMIUM;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`MEMSCOPE_CHROMIUM is set to ${fromEnv}, but no file is there. Point it at a Chromium binary, or unset it.`);
  }
  try {
    const own = chromium?.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright has no browser of its own here; try the system's.
  }
  const system = SYSTEM_CHROMIUM.find((path) => existsSync(path));
  if (system) return system;
  throw new Error(
    'No Chromium found. Do one of these:\n' +
      '  - npx playwright install chromium            (downloads Playwright\'s Chromium)\n' +
      '  - sudo apt-get install chromium              (Debian/Ubuntu; found at /usr/bin/chromium)\n' +
      '  - export MEMSCOPE_CHROMIUM=/path/to/chromium (any Chromium build)',
  );
}
