import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { afterAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../../scripts/lib/find-browser.mjs';
import { PageMeter } from '../playwright/measure.js';
import { diffSnapshots, loadSnapshot, summarize } from './analyze.js';

const dir = mkdtempSync(join(tmpdir(), 'memscope-chromium-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Collects garbage, then writes the page's heap snapshot to `name` in the test's folder (through the
 * same meter as memscope/playwright); returns the path. One meter per page: node ids, which diffs
 * match on, hold only within its DevTools session.
 */
async function takeSnapshot(meter: PageMeter, name: string): Promise<string> {
  const path = join(dir, name);
  await meter.collectGarbage();
  await meter.snapshot(path);
  return path;
}

describe("the parser on Chromium's own snapshots", () => {
  it('finds detached DOM nodes, names them, and traces them to the window property that holds them', async () => {
    const browser = await chromium.launch({ executablePath: await findBrowser(), args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      await page.setContent('<main></main>');
      const meter = new PageMeter(page);
      const take = async (name: string) => loadSnapshot(await takeSnapshot(meter, name));
      const before = await take('before.heapsnapshot');
      await page.evaluate(() => {
        const kept: HTMLElement[] = [];
        for (let i = 0; i < 30; i++) {
          const card = document.createElement('article');
          card.className = 'kept-card';
          document.querySelector('main')!.appendChild(card);
          card.remove();
          kept.push(card);
        }
        (window as unknown as { keptCards: HTMLElement[] }).keptCards = kept;
      });
      const after = await take('after.heapsnapshot');

      const detached = summarize(after).detached.find((row) => row.name === '<article class="kept-card">');
      expect(detached?.count).toBe(30);
      expect(detached!.retainers).toMatch(/^Window\.keptCards → Array\[\d+\] → Detached <article class="kept-card">$/);
      const diff = diffSnapshots(before, after);
      expect(diff.detached.find((row) => row.name === '<article class="kept-card">')?.count).toBe(30);
    } finally {
      await browser.close();
    }
  }, 60_000);

  it('leaves out what only the instruments hold (window.__MEMSCOPE_REACT__), and counts it when asked', async () => {
    const browser = await chromium.launch({ executablePath: await findBrowser(), args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      const meter = new PageMeter(page);
      const take = (name: string) => takeSnapshot(meter, name);
      const before = await take('instrument-before.heapsnapshot');
      await page.evaluate(() => {
        class HeldByInstrument {}
        (window as unknown as { __MEMSCOPE_REACT__: unknown }).__MEMSCOPE_REACT__ = { kept: Array.from({ length: 30 }, () => new HeldByInstrument()) };
      });
      const after = await take('instrument-after.heapsnapshot');

      const held = async (options?: { countInstruments: boolean }) =>
        diffSnapshots(await loadSnapshot(before, options), await loadSnapshot(after, options)).added.find((row) => row.name === 'HeldByInstrument');
      expect(await held()).toBeUndefined();
      const counted = await held({ countInstruments: true });
      expect(counted?.count).toBe(30);
      expect(counted!.retainers).toMatch(/^Window\.__MEMSCOPE_REACT__ → Object\.kept → Array\[\d+\] → HeldByInstrument$/);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
