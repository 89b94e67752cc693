// npm run bench -- sample: the cost of one memory sample in real Chromium, against reading the same
// browser APIs by hand (the floor any sampler pays), and what a sample's element count costs the app's
// later DOM changes, against the common live-collection idiom `getElementsByTagName('*').length`.
// Prints two tables; writes bench-results/sample.json.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { bundleEntry } from '../scripts/bundle.mjs';
import { chromium } from '@playwright/test';
import { findBrowser } from '../../scripts/lib/find-browser.mjs';
import { median } from './lib/stats.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const ROUNDS = 31;
const ITERATIONS = 300;
/** Fresh pages per element count in the DOM-change bench, in rotating order, and timed rounds in each. */
const DOM_PAGES = 12;
const DOM_ROUNDS = 40;

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
  await page.close();

  // The app's side: a page's DOM changes after one element count. Each page counts once (a live
  // collection stays cached until a major GC), then times rounds of 5,000 insertions and 5,000 removals.
  const COUNTS = ['none', 'memscope', 'live', 'static'];
  const domTimes = Object.fromEntries(COUNTS.map((c) => [c, []]));
  for (let p = 0; p < DOM_PAGES; p++) {
    for (let k = 0; k < COUNTS.length; k++) {
      const count = COUNTS[(p + k) % COUNTS.length];
      const domPage = await browser.newPage();
      await domPage.setContent('<!doctype html><title>DOM change bench</title><body></body>');
      await domPage.addScriptTag({ content: code });
      domTimes[count].push(...(await domPage.evaluate(([c, r]) => window.runDomChangeBench(c, r), [count, DOM_ROUNDS])));
      await domPage.close();
    }
  }
  // The interquartile mean: the page clock ticks in 0.1 ms, coarse beside a round of a few ms, so a
  // median of rounds moves in whole ticks; the mean of the middle half resolves finer and still drops GC outliers.
  const iqMean = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const mid = s.slice(Math.floor(s.length / 4), Math.ceil((s.length * 3) / 4));
    return mid.reduce((a, b) => a + b, 0) / mid.length;
  };
  const dom = Object.fromEntries(COUNTS.map((c) => [c, iqMean(domTimes[c])]));
  const ms = (x) => `${x.toFixed(2)} ms`;
  const vsNone = (x) => `${(x / dom.none).toFixed(2)}x`;
  console.log(`\nThe app's DOM changes after one element count: 5,000 insertions + 5,000 removals, interquartile mean of ${DOM_PAGES} pages × ${DOM_ROUNDS} rounds each\n`);
  console.log('| element count taken before | per 10,000 changes | vs no count |');
  console.log('| --- | --- | --- |');
  console.log(`| none | ${ms(dom.none)} | 1.00x |`);
  console.log(`| memscope sample (static \`querySelectorAll('*')\`) | ${ms(dom.memscope)} | ${vsNone(dom.memscope)} |`);
  console.log(`| static count by hand (the noise between pages) | ${ms(dom.static)} | ${vsNone(dom.static)} |`);
  console.log(`| peer: live \`getElementsByTagName('*').length\` idiom | ${ms(dom.live)} | ${vsNone(dom.live)} |`);
  await mkdir(join(ROOT, 'bench-results'), { recursive: true });
  await writeFile(
    join(ROOT, 'bench-results/sample.json'),
    JSON.stringify(
      {
        rounds: ROUNDS,
        iterations: ITERATIONS,
        medianMs: m,
        ratios: { memscope: m.memscope / m.raw, memscopeSubscribed: m.memscopeSubscribed / m.raw },
        domChanges: { pages: DOM_PAGES, rounds: DOM_ROUNDS, interquartileMeanMs: dom, ratios: { memscope: dom.memscope / dom.none, static: dom.static / dom.none, live: dom.live / dom.none } },
      },
      null,
      2,
    ) + '\n',
  );
} finally {
  await browser.close();
}
