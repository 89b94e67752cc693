// Resolves `memscope` and `memscope/protocol` to their TypeScript source, for the tools inside this
// repository (the extension build and Vitest): nothing there has to wait for an SDK build.
import { fileURLToPath } from 'node:url';

const src = (path) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

/** Vite `resolve.alias` entries; exact matches only, so `memscope/anything-else` is not caught. */
export const sourceAliases = [
  { find: /^memscope\/protocol$/, replacement: src('protocol/index.ts') },
  { find: /^memscope$/, replacement: src('index.ts') },
];
