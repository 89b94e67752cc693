// npm run size: what the SDK adds to an app's bundle, minified, gzip and brotli, beside web-vitals
// (the model of a small in-page library: "~3K, brotli'd"). Each entry is bundled as an app would
// import it, so tree-shaking counts.
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { mkdir, mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { bundleEntry } from './bundle.mjs';

const ROOT = resolve(import.meta.dirname, '../..');

const ENTRIES = [
  { name: 'memscope: createMemscope', code: "import { createMemscope } from 'memscope'; window.m = createMemscope;" },
  { name: 'memscope/install (inline installer script)', file: 'sdk/dist/install.global.js' },
  { name: 'memscope/react: usePerformanceTracking', code: "import { usePerformanceTracking } from 'memscope/react'; window.u = usePerformanceTracking;", external: ['react'] },
  { name: 'memscope/protocol: full validation', code: "import * as p from 'memscope/protocol'; window.p = p;" },
  { name: 'peer: web-vitals (onCLS, onINP, onLCP, onFCP, onTTFB)', peer: true, code: "import { onCLS, onINP, onLCP, onFCP, onTTFB } from 'web-vitals'; window.w = [onCLS, onINP, onLCP, onFCP, onTTFB];" },
];

async function bundle(code, external = []) {
  // Inside the repository, so that 'memscope' and 'web-vitals' resolve through its node_modules.
  await mkdir(join(ROOT, 'node_modules/.cache'), { recursive: true });
  const dir = await mkdtemp(join(ROOT, 'node_modules/.cache/memscope-size-'));
  const entry = join(dir, 'entry.js');
  await writeFile(entry, code);
  try {
    return await bundleEntry(ROOT, entry, { external });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const rows = [];
for (const entry of ENTRIES) {
  const code = entry.file ? await readFile(join(ROOT, entry.file)) : Buffer.from(await bundle(entry.code, entry.external));
  rows.push({
    ...entry,
    min: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  });
}
const peer = rows.find((r) => r.peer);
const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
console.log('\n| entry | minified | gzip | brotli | brotli vs web-vitals |\n| --- | --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.name} | ${kb(r.min)} | ${kb(r.gzip)} | ${kb(r.brotli)} | ${(r.brotli / peer.brotli).toFixed(2)}x |`);
const json = Object.fromEntries(rows.map((r) => [r.name, { min: r.min, gzip: r.gzip, brotli: r.brotli }]));
await mkdir(join(ROOT, 'bench-results'), { recursive: true });
await writeFile(join(ROOT, 'bench-results/size.json'), JSON.stringify(json, null, 2) + '\n');
