// npm run bench -- sample: the cost of one memory sample in real Chromium, against reading the same
// browser APIs by hand (the floor any sampler pays). Prints a table; writes bench-results/sample.json.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { bundleEntry } from '../scripts/bundle.mjs';
import { chromium } from '@playwright/test';
import { findBrowser } from '../../scripts/lib/find-browser.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const ROUNDS = 31;
const ITERATIONS = 300;

const code = await bundleEntry(ROOT, join(import.meta.dirname, 'sample-page.ts'), { format: 'iife' });

const browser = await chromium.launch({
  executablePath: await findBrowser(),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--enable-precise-memory-info'],
});
try {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><title>sample bench</title><body></body>');
  await page.addScriptTag({ content: code });
  const rounds = await page.evaluate(([r, i]) => window.runSampleBench(r, i), [ROUNDS, ITERATIONS]);

  const median = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)];
  };
  const us = (ms) => `${(ms * 1000).toFixed(2)} µs`;
  const m = {
    memscope: median(rounds.map((r) => r.memscope)),
    memscopeSubscribed: median(rounds.map((r) => r.memscopeSubscribed)),
    raw: median(rounds.map((r) => r.raw)),
  };
  const ratio = (x) => (m.raw > 0 ? `${(x / m.raw).toFixed(2)}x` : 'n/a');
  const share = (x) => `${((x / 2000) * 100).toFixed(4)} %`;
  console.log(`\nOne memory sample, median of ${ROUNDS} rounds × ${ITERATIONS} samples (1,500-element DOM changed between samples)\n`);
  console.log('| variant | per sample | vs raw API reads | main-thread share at the 2 s default |');
  console.log('| --- | --- | --- | --- |');
  console.log(`| peer: raw API reads (performance.memory + element count) | ${us(m.raw)} | 1.00x | ${share(m.raw)} |`);
  console.log(`| memscope, no panel | ${us(m.memscope)} | ${ratio(m.memscope)} | ${share(m.memscope)} |`);
  console.log(`| memscope, panel subscribed (queue + batched postMessage) | ${us(m.memscopeSubscribed)} | ${ratio(m.memscopeSubscribed)} | ${share(m.memscopeSubscribed)} |`);
  await mkdir(join(ROOT, 'bench-results'), { recursive: true });
  await writeFile(
    join(ROOT, 'bench-results/sample.json'),
    JSON.stringify({ rounds: ROUNDS, iterations: ITERATIONS, medianMs: m, ratios: { memscope: m.memscope / m.raw, memscopeSubscribed: m.memscopeSubscribed / m.raw } }, null, 2) + '\n',
  );
} finally {
  await browser.close();
}
