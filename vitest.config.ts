import { defineConfig } from 'vitest/config';
import { sourceAliases } from './sdk/source-aliases.mjs';

export default defineConfig({
  // Import the SDK (and its protocol module) from source, as the extension build does.
  resolve: { alias: sourceAliases },
  test: {
    include: ['sdk/src/**/*.test.ts', 'sdk/bench/**/*.test.ts', 'extension/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Retention tests collect garbage for real, as the SDK's users' browsers do.
    execArgv: ['--expose-gc'],
  },
});
