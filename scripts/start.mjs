// npm start: build everything, serve the demo, and (where there is a display) open Chromium with the
// extension loaded and DevTools on the Memory panel.
//   --no-browser   only build and serve
//   --skip-build   serve what the last build left in dist/ (used by the tests)
//   PORT=5173      the demo server's port
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { createDemoServer, listen, portFrom } from '../demo-app/server/app.mjs';

// Must be set before Playwright starts: it makes the DevTools window reachable (see devtools-panel.mjs).
process.env.PW_CHROMIUM_ATTACH_TO_OTHER = '1';

const args = new Set(process.argv.slice(2));
for (const arg of args) {
  if (!['--no-browser', '--skip-build'].includes(arg)) {
    console.error(`Unknown option ${arg}. Use --no-browser (serve only) or --skip-build.`);
    process.exit(2);
  }
}
let port;
try {
  port = portFrom();
} catch (error) {
  console.error(error.message);
  process.exit(2);
}

if (!args.has('--skip-build')) {
  const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('The build failed; see above.');
    process.exit(build.status ?? 1);
  }
}

const { EXTENSION_DIR } = await import('./lib/launch.mjs');
const server = createDemoServer();
let url;
try {
  url = await listen(server, port);
} catch (error) {
  console.error(`Could not listen on port ${port}: ${error.message}. Set PORT to a free port, e.g. PORT=5174 npm start.`);
  process.exit(1);
}
console.log(`\nMemscope demo:      ${url}`);
console.log(`Unpacked extension: ${resolve(EXTENSION_DIR)}`);
console.log('  (to use your own Chromium: chrome://extensions → Developer mode → Load unpacked → that folder)');

let context;
let stopping = false;
const hasDisplay = process.platform === 'darwin' || process.platform === 'win32' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;
if (args.has('--no-browser')) {
  console.log('Not opening a browser (--no-browser).');
} else if (!hasDisplay) {
  console.log('No display found (DISPLAY is unset), so no browser was opened. Open the URL above in Chromium with the extension loaded.');
} else {
  try {
    const { launchWithExtension } = await import('./lib/launch.mjs');
    const { openMemoryPanel } = await import('./lib/devtools-panel.mjs');
    const launched = await launchWithExtension({ headless: false, handleSignals: false });
    context = launched.context;
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    const { panel } = await openMemoryPanel(context, page, launched.extensionId);
    console.log('Chromium is open with DevTools on the Memory panel.');
    await panel.locator('[data-testid="connection-status"][data-value="connected"]').waitFor({ timeout: 20_000 });
    console.log('The Memory panel is connected to the demo.');
    context.on('close', () => {
      if (!stopping) console.log('Chromium closed; the demo server keeps running. Ctrl-C to stop.');
    });
  } catch (error) {
    console.error(`Could not open Chromium with the panel: ${error.message}`);
    console.error('The demo server keeps running; open the URL above in Chromium with the extension loaded.');
  }
}
console.log('Ctrl-C to stop.');

async function stop() {
  if (stopping) return;
  stopping = true;
  await context?.close().catch(() => {});
  server.closeAllConnections?.();
  server.close(() => {
    console.log('Stopped.');
    process.exit(0);
  });
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
