import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { test, expect } from '@playwright/test';

/** Runs `npm start`'s script in its own process group and collects what it prints. */
function start(args: string[], port: number, wrap: string[] = []) {
  const [command, ...rest] = [...wrap, process.execPath, 'scripts/start.mjs', '--skip-build', ...args];
  const child = spawn(command!, rest, { env: { ...process.env, PORT: String(port) }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  return { child, output: () => output };
}

/** Resolves with the exit code once the process has ended and every process holding its output has too. */
function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('close', (code) => resolve(code)));
}

test('npm start serves the isolated demo, prints the URL and the extension path, and stops on Ctrl-C', async ({ request }) => {
  const { child, output } = start(['--no-browser'], 5181);
  await expect.poll(output, { message: 'the start script prints the demo URL' }).toContain('Memscope demo:      http://127.0.0.1:5181/');
  expect(output()).toContain('dist/extension');
  const response = await request.get('http://127.0.0.1:5181/');
  expect(response.status()).toBe(200);
  expect(response.headers()['cross-origin-opener-policy']).toBe('same-origin');
  expect(response.headers()['cross-origin-embedder-policy']).toBe('require-corp');
  process.kill(-child.pid!, 'SIGINT');
  expect(await exited(child)).toBe(0);
  expect(output()).toContain('Stopped.');
});

test('npm start with a display opens Chromium with DevTools on a connected Memory panel', async () => {
  test.setTimeout(90_000);
  // CI has no screen: xvfb-run gives it one (.ci/run installs it). A desktop already has a display.
  const hasXvfb = spawnSync('sh', ['-c', 'command -v xvfb-run']).status === 0;
  if (!process.env.DISPLAY && !hasXvfb) {
    throw new Error('This test needs a display: run it on a desktop, or install xvfb (apt-get install xvfb xauth).');
  }
  const wrap = process.env.DISPLAY ? [] : ['xvfb-run', '-a', '-s', '-screen 0 1600x1000x24'];
  const { child, output } = start([], 5182, wrap);
  try {
    await expect
      .poll(output, { message: 'the start script reports a connected Memory panel', timeout: 75_000 })
      .toContain('The Memory panel is connected to the demo.');
  } finally {
    process.kill(-child.pid!, 'SIGINT');
  }
  await exited(child);
  // xvfb-run itself ends by the signal; the script inside must have closed Chromium and the server.
  expect(output()).toContain('Stopped.');
});
