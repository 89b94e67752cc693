import { createWriteStream } from 'node:fs';
import type { CDPSession, Page } from '@playwright/test';
import type { MemoryMeasurement } from './types.js';
import { withTimeout } from '../lib/timeout.js';

/** Longest any single DevTools-protocol call may take before the measurement fails. */
const CDP_TIMEOUT_MS = 30_000;
/** Forced collections before the heap is taken as settled, at most. */
const MAX_GC_ROUNDS = 6;

/** A DevTools-protocol step that gives up after `ms`, saying which step hung. */
function step<T>(what: string, promise: Promise<T>, ms = CDP_TIMEOUT_MS): Promise<T> {
  return withTimeout(promise, ms, () => `memscope: ${what} took longer than ${ms} ms; is the page frozen or navigating?`);
}

/** Measures a Chromium page through its DevTools protocol. */
export class PageMeter {
  #session: CDPSession | undefined;

  constructor(readonly page: Page) {}

  async #cdp(): Promise<CDPSession> {
    this.#session ??= await step('opening a DevTools session', this.page.context().newCDPSession(this.page));
    return this.#session;
  }

  async #heapUsed(): Promise<number> {
    const cdp = await this.#cdp();
    return (await step('Runtime.getHeapUsage', cdp.send('Runtime.getHeapUsage'))).usedSize;
  }

  /**
   * Collects garbage until the heap settles (two readings within 1 % or 16 KB), at most six times.
   * Between collections the page runs a task, so that finalization callbacks (which the in-page SDK
   * uses to count collections) get their turn.
   */
  async collectGarbage(): Promise<void> {
    const cdp = await this.#cdp();
    let previous = Infinity;
    for (let round = 0; round < MAX_GC_ROUNDS; round++) {
      await step('HeapProfiler.collectGarbage', cdp.send('HeapProfiler.collectGarbage'));
      await step('a task in the page', this.page.evaluate(() => new Promise((r) => setTimeout(r, 0))));
      const used = await this.#heapUsed();
      if (round >= 2 && Math.abs(previous - used) <= Math.max(16 * 1024, used * 0.01)) return;
      previous = used;
    }
  }

  /** Forces garbage collection, then reads the page's counters and the SDK's state. */
  async measure(): Promise<MemoryMeasurement> {
    await this.collectGarbage();
    const cdp = await this.#cdp();
    const dom = await step('Memory.getDOMCounters', cdp.send('Memory.getDOMCounters'));
    const heap = await step('Runtime.getHeapUsage', cdp.send('Runtime.getHeapUsage'));
    const sdk = await step(
      'reading window.__MEMSCOPE__',
      this.page.evaluate(() => {
        const react = window.__MEMSCOPE__?.react;
        return react ? { components: react.components.map((c) => ({ name: c.name, live: c.live, retained: c.retained })) } : undefined;
      }),
    );
    return {
      jsHeapUsed: heap.usedSize,
      jsHeapTotal: heap.totalSize,
      domNodes: dom.nodes,
      listeners: dom.jsEventListeners,
      documents: dom.documents,
      ...(sdk && { sdk }),
    };
  }

  /**
   * Writes a heap snapshot to `path`, chunk by chunk as DevTools sends it: never held whole in memory.
   */
  async snapshot(path: string): Promise<void> {
    const cdp = await this.#cdp();
    const out = createWriteStream(path);
    const failed = new Promise<never>((_, reject) => out.once('error', reject));
    const onChunk = ({ chunk }: { chunk: string }) => void out.write(chunk);
    cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
    try {
      await Promise.race([
        step('HeapProfiler.takeHeapSnapshot', cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false }), 120_000),
        failed,
      ]);
    } finally {
      cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
      await new Promise<void>((resolve) => out.end(resolve));
    }
  }

  /** Ends the DevTools session. */
  async dispose(): Promise<void> {
    await this.#session?.detach().catch(() => {});
    this.#session = undefined;
  }
}
