import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { serveStatic } from './static.mjs';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));

/**
 * Headers that make the page cross-origin isolated, which is what enables
 * `performance.measureUserAgentSpecificMemory()`. CORP lets our own resources load under COEP.
 */
const ISOLATION_HEADERS = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
  'cross-origin-resource-policy': 'same-origin',
};

/**
 * Creates the demo server. `routes` are tried in order before the static files; each is
 * `(req, res) => boolean | Promise<boolean>` and returns true when it answered. The backend's
 * monitoring endpoints (`/api/...`) join here.
 */
export function createDemoServer({ root = DIST, routes = [] } = {}) {
  return createServer(async (req, res) => {
    for (const [name, value] of Object.entries(ISOLATION_HEADERS)) res.setHeader(name, value);
    try {
      for (const route of routes) if (await route(req, res)) return;
      if (await serveStatic(root, req, res)) return;
      res.writeHead(405, { 'content-type': 'text/plain' }).end('Method not allowed');
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`Internal error: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}

/** The port to serve on: `value` (PORT from the environment), 5173 when unset. Throws a RangeError that names the range. */
export function portFrom(value = process.env.PORT) {
  const port = Number(value ?? 5173);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`PORT must be a whole number from 0 to 65535, got ${value}.`);
  return port;
}

/** Starts the server on `port` (0 picks a free one) and resolves with its URL. */
export function listen(server, port, host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve(`http://${host}:${typeof address === 'object' && address ? address.port : port}/`);
    });
  });
}
