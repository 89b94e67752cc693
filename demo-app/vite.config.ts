import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { memscope } from 'memscope/vite';

// The demo embeds the SDK exactly as a user would: the memscope/vite plugin puts the React hook
// installer at the top of <head>, and the app imports `createMemscope` from 'memscope'.
export default defineConfig({
  plugins: [memscope(), react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
