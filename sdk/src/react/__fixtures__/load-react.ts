import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The React builds the walker is tested against. */
export const REACT_BUILDS = [
  { major: 19, build: 'development' },
  { major: 19, build: 'production' },
  { major: 18, build: 'development' },
  { major: 18, build: 'production' },
] as const;

export interface LoadedReact {
  React: typeof import('react');
  createRoot: (container: Element) => { render(node: unknown): void; unmount(): void };
  flushSync: <T>(fn: () => T) => T;
  createPortal: typeof import('react-dom').createPortal;
  version: string;
}

// A string path: under jsdom the global URL is jsdom's, which node:url does not accept.
const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const BASES = {
  19: resolve(REPO, 'package.json'),
  18: resolve(REPO, 'e2e/fixtures/react18/package.json'),
};

/**
 * Loads a fresh copy of React and react-dom of the given version and build, so that react-dom runs
 * its module code (and finds the hook) again. NODE_ENV picks the build, as in an app's bundle.
 */
export function loadReact(major: 18 | 19, build: 'development' | 'production'): LoadedReact {
  const require = createRequire(BASES[major]);
  for (const key of Object.keys(require.cache)) {
    if (/[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/.test(key)) delete require.cache[key];
  }
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = build;
  try {
    const React = require('react');
    const client = require('react-dom/client');
    const dom = require('react-dom');
    return { React, createRoot: client.createRoot, flushSync: dom.flushSync, createPortal: dom.createPortal, version: React.version };
  } finally {
    process.env.NODE_ENV = env;
  }
}
