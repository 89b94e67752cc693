// Builds dist/install.global.js: the installer as one minified classic script, which the Vite plugin
// inlines at the top of <head> (and which can be pasted into any page's <head>).
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { build } from 'vite';

const SDK = resolve(import.meta.dirname, '..');
const out = await build({
  root: SDK,
  logLevel: 'silent',
  configFile: false,
  build: {
    write: false,
    minify: true,
    target: 'es2019',
    lib: { entry: resolve(SDK, 'src/install.ts'), formats: ['iife'], name: 'memscopeInstall', fileName: 'install' },
  },
});
const chunk = (Array.isArray(out) ? out : [out]).flatMap((o) => o.output).find((o) => o.type === 'chunk');
// The IIFE assigns nothing useful to a global name; drop the `var memscopeInstall=` prefix.
const code = chunk.code.replace(/^var \w+=/, '').trim();
await writeFile(resolve(SDK, 'dist/install.global.js'), code + '\n');
