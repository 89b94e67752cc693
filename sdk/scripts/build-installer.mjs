// Builds dist/install.global.js: the installer as one minified classic script, which the Vite plugin
// inlines at the top of <head> (and which can be pasted into any page's <head>).
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { bundleEntry } from './bundle.mjs';

const SDK = resolve(import.meta.dirname, '..');
const bundled = await bundleEntry(SDK, resolve(SDK, 'src/install.ts'), { format: 'iife', target: 'es2019' });
const code = bundled.replace(/^var \w+=/, '').trim();
await writeFile(resolve(SDK, 'dist/install.global.js'), code + '\n');
