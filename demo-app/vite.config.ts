import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The demo embeds the SDK exactly as a user would: `import { createMemscope } from 'memscope'`,
// resolved to the built package (sdk/dist) through the npm workspace.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
