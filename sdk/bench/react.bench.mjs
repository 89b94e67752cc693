// npm run bench -- react: the cost of Memscope's commit hook against bippy (React Scan's kernel) and
// against React's own update time, in headless Chromium with React 19's production build; plus the
// heap each one keeps per commit. Prints a table; writes bench-results/react.json.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { bundleEntry } from '../scripts/bundle.mjs';
import { chromium } from '@playwright/test';
import { findBrowser } from '../../scripts/lib/find-browser.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const WARMUP = 50;

const MEASURED = 300;
const RETENTION_COMMITS = 3000;
const VARIANTS = ['none', 'memscope', 'memscope-counts', 'bippy'];
/** The bundle each variant runs, and the mode it asks Memscope for. */
const BUNDLE = { none: 'none', memscope: 'memscope', 'memscope-counts': 'memscope', bippy: 'bippy' };
const PAGE_URL = 'http://127.0.0.1:9/bench.html';

function bundle(variant) {
  // Component names survive, as the memscope/vite plugin keeps them in apps.
  return bundleEntry(ROOT, join(import.meta.dirname, `react/${variant}.ts`), {
    format: 'iife',
    keepNames: true,
    define: { 'process.env.NODE_ENV': '"production"' },
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
};

const browser = await chromium.launch({
  executablePath: await findBrowser(),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--enable-precise-memory-info'],
});
const results = {};
try {
  const codes = Object.fromEntries(await Promise.all(['none', 'memscope', 'bippy'].map(async (v) => [v, await bundle(v)])));
  // Two passes in alternating order, so a noisy moment on this shared machine does not land on one variant only.
  for (const pass of [0, 1]) {
    for (const variant of pass ? [...VARIANTS].reverse() : VARIANTS) {
      const page = await browser.newPage();
      // A cross-origin isolated page: its timers are precise to 5 µs instead of 100 µs.
      await page.route(PAGE_URL, (route) =>
        route.fulfill({
          contentType: 'text/html',
          headers: { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' },
          body: '<!doctype html><body></body>',
        }),
      );
      await page.goto(PAGE_URL);
      if (variant === 'memscope-counts') await page.evaluate(() => ((window).__mode = 'counts'));
      if (!(await page.evaluate(() => crossOriginIsolated))) throw new Error('The benchmark page is not cross-origin isolated; timings would be coarse.');
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.addScriptTag({ content: codes[BUNDLE[variant]] });
      if (errors.length) throw new Error(`The ${variant} page failed: ${errors.join('; ')}`);
      await page.evaluate((n) => window.bench.runUpdates(n), WARMUP);
      await page.evaluate(() => window.bench.takeHookTimes());
      const updates = await page.evaluate((n) => window.bench.runUpdates(n), MEASURED);
      const hooks = await page.evaluate(() => window.bench.takeHookTimes());
      // Heap kept per commit: GC, RETENTION_COMMITS commits, GC again.
      const cdp = await page.context().newCDPSession(page);
      const heap = async () => {
        for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
        return (await cdp.send('Runtime.getHeapUsage')).usedSize;
      };
      // Steady state first: twice RETENTION_COMMITS commits, so that optimised code and feedback are in
      // place and not counted as retention; then GC, RETENTION_COMMITS more commits, GC. With a warm-up of
      // only RETENTION_COMMITS, heap readings showed about 50 KB still settling in the next 3,000 commits
      // (with Memscope in either mode), which gave noise of tens of bytes per commit.
      await page.evaluate((n) => {
        window.bench.runUpdates(n);
        window.bench.takeHookTimes();
      }, 2 * RETENTION_COMMITS);
      const before = await heap();
      await page.evaluate((n) => {
        window.bench.runUpdates(n);
        window.bench.takeHookTimes();
      }, RETENTION_COMMITS);
      const after = await heap();
      const check = await page.evaluate(() => window.bench.check?.());
      await page.close();
      const r = (results[variant] ??= { updateMs: [], hookMs: [], bytesPerCommit: [], check });
      r.updateMs.push(...updates);
      r.hookMs.push(...hooks);
      r.bytesPerCommit.push((after - before) / RETENTION_COMMITS);
    }
  }
} finally {
  await browser.close();
}

const summary = {};
for (const [variant, r] of Object.entries(results)) {
  summary[variant] = {
    updateMs: median(r.updateMs),
    hookMs: variant === 'none' ? 0 : median(r.hookMs),
    // The smaller of the two passes: a leak grows the heap in every pass, while a one-off (code being
    // optimised late, a cache filling) shows in one. The median of two would be the larger.
    bytesPerCommit: Math.round(Math.min(...r.bytesPerCommit)),
    bytesPerCommitByPass: r.bytesPerCommit.map((b) => Math.round(b)),
    check: r.check,
  };
}
const reactMs = summary.none.updateMs;
for (const s of Object.values(summary)) s.bytesAddedPerCommit = s.bytesPerCommit - summary.none.bytesPerCommit;
const ms = (n) => `${n.toFixed(3)} ms`;
console.log(`\nReact 19 production, 1,000 rows = 3,001 composite renders per commit; medians of ${2 * MEASURED} commits per variant\n`);
console.log('| variant | hook per commit | vs bippy | vs React\'s own update | whole update | heap kept per commit (smaller of 2 passes) | kept beyond React alone |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const variant of VARIANTS) {
  const s = summary[variant];
  const vsBippy = variant === 'none' ? '—' : `${(s.hookMs / summary.bippy.hookMs).toFixed(2)}x`;
  const vsReact = variant === 'none' ? '—' : `${((s.hookMs / reactMs) * 100).toFixed(1)} %`;
  const label = {
    none: 'no hook (React alone)',
    memscope: 'memscope, full (counts, reasons, timings, unmount watch)',
    'memscope-counts': 'memscope, counts only (renders, mounts, unmounts, unmount watch)',
    bippy: 'peer: bippy 0.7.3 traverseRenderedFibers',
  }[variant];
  console.log(`| ${label} | ${variant === 'none' ? '—' : ms(s.hookMs)} | ${vsBippy} | ${vsReact} | ${ms(s.updateMs)} | ${s.bytesPerCommit} B | ${variant === 'none' ? '—' : `${s.bytesAddedPerCommit} B`} |`);
}
console.log(`\nSanity: renders of Label counted per page (${WARMUP + MEASURED + 3 * RETENTION_COMMITS} commits × 1,000, the first a mount): memscope ${summary.memscope.check?.labelRenders}, bippy ${summary.bippy.check?.labelRenders}.`);
await mkdir(join(ROOT, 'bench-results'), { recursive: true });
await writeFile(
  join(ROOT, 'bench-results/react.json'),
  JSON.stringify({ workload: '1,000 rows, 3,001 composite renders per commit, React 19 production', commits: 2 * MEASURED, summary,
    ratios: {
      memscopeVsBippy: summary.memscope.hookMs / summary.bippy.hookMs,
      memscopeVsReact: summary.memscope.hookMs / reactMs,
      countsVsBippy: summary['memscope-counts'].hookMs / summary.bippy.hookMs,
      countsVsReact: summary['memscope-counts'].hookMs / reactMs,
    } }, null, 2) + '\n',
);
