import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Import the SDK (and its protocol module) from source, as the extension build does.
  resolve: { conditions: ['memscope-source'] },
  test: {
    include: ['sdk/src/**/*.test.ts', 'extension/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
});
