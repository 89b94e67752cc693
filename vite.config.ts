import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { crx } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };
import { sourceAliases } from './sdk/source-aliases.mjs';

// Builds the MV3 extension into dist/extension. The panel page is not named in the manifest
// (the devtools page creates it at run time), so it is listed as an extra input.
export default defineConfig({
  plugins: [react(), crx({ manifest })],
  // Use the SDK's protocol module from source: no SDK build is needed before the extension's.
  resolve: { alias: sourceAliases },
  build: {
    outDir: 'dist/extension',
    emptyOutDir: true,
    rollupOptions: {
      input: { panel: 'extension/panel/panel.html' },
    },
  },
  server: { strictPort: true },
});
