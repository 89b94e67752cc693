import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, createServer } from 'vite';
import type { InlineConfig } from 'vite';
import { createDemoServer, listen } from '../../demo-app/server/app.mjs';

/** A running copy of the demo: where it listens, and how to stop it. */
export interface DemoServer {
  url: string;
  close(): Promise<void>;
}

const DEMO = fileURLToPath(new URL('../../demo-app', import.meta.url));
const REACT_18 = fileURLToPath(new URL('../fixtures/react18/node_modules/', import.meta.url));

/**
 * Vite settings that run the demo on React 18.3 (e2e/fixtures/react18) instead of its own React 19:
 * every import of react and react-dom, subpaths included, resolves to the 18.3 packages. The dev
 * server pre-bundles them in a cache of their own, so they never mix with the React 19 bundles.
 */
export const REACT_18_DEMO: InlineConfig = {
  resolve: {
    alias: [
      { find: /^react-dom(\/.*)?$/, replacement: `${REACT_18}react-dom$1` },
      { find: /^react(\/.*)?$/, replacement: `${REACT_18}react$1` },
    ],
  },
  cacheDir: fileURLToPath(new URL('../../node_modules/.vite-react18', import.meta.url)),
};

/** The demo on Vite's dev server: React's development build, with react-refresh. */
export async function startDemoDevServer(config: InlineConfig = {}): Promise<DemoServer> {
  const server = await createServer({
    ...config,
    root: DEMO,
    configFile: join(DEMO, 'vite.config.ts'),
    server: { host: '127.0.0.1', port: 0, strictPort: false },
    logLevel: 'error',
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The Vite dev server did not say where it listens.');
  return { url, close: () => server.close() };
}

/**
 * The demo built for production with `config` into a temporary folder, and served by the demo's own
 * server (the same headers and monitoring endpoints as `npm start`).
 */
export async function buildAndServeDemo(config: InlineConfig = {}): Promise<DemoServer> {
  const outDir = await mkdtemp(join(tmpdir(), 'memscope-demo-'));
  // Vite's build sets NODE_ENV=production in this process when it is unset, and a dev server started
  // later in the same test worker would then pre-bundle React's production build.
  const nodeEnv = process.env.NODE_ENV;
  try {
    await build({
      ...config,
      root: DEMO,
      configFile: join(DEMO, 'vite.config.ts'),
      build: { outDir, emptyOutDir: true, sourcemap: false },
      logLevel: 'error',
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  const server = createDemoServer({ root: outDir });
  const url = await listen(server, 0);
  return {
    url,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await rm(outDir, { recursive: true, force: true });
    },
  };
}
