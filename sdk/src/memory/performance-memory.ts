import type { Capability } from '../protocol/index.js';

/** The non-standard `performance.memory` object of Chromium-based browsers. */
interface PerformanceMemory {
  usedJSHeapSize: number;
  totalJSHeapSize: number;
  jsHeapSizeLimit: number;
}

/** A reading of `performance.memory`. */
export interface HeapReading {
  heapUsed: number;
  heapTotal: number;
  heapLimit: number;
}

function getMemory(): PerformanceMemory | undefined {
  try {
    const memory = (globalThis.performance as { memory?: PerformanceMemory } | undefined)?.memory;
    return memory && typeof memory.usedJSHeapSize === 'number' ? memory : undefined;
  } catch {
    // A page (or a test double) may have replaced it with a throwing getter.
    return undefined;
  }
}

/**
 * True when `n` has more than three significant digits. Without `--enable-precise-memory-info`
 * Chromium rounds `performance.memory` into 100 buckets of three significant digits
 * (QuantizeMemorySize in blink/renderer/core/timing/memory_info.cc), so a value with more digits
 * proves the numbers are precise.
 */
function hasMoreThanThreeSignificantDigits(n: number): boolean {
  if (n < 1000) return false;
  const magnitude = 10 ** (Math.floor(Math.log10(n)) - 2);
  return n % magnitude !== 0;
}

/**
 * Reads `performance.memory` and learns whether its numbers are precise. Starts out assuming they are
 * bucketed (what real users get) and upgrades once a reading proves otherwise.
 */
export class PerformanceMemorySource {
  #precise = false;

  /** Whether `performance.memory` exists here. */
  get available(): boolean {
    return getMemory() !== undefined;
  }

  /** Takes one reading, or `undefined` where the API does not exist. */
  read(): HeapReading | undefined {
    const memory = getMemory();
    if (!memory) return undefined;
    const reading = {
      heapUsed: memory.usedJSHeapSize,
      heapTotal: memory.totalJSHeapSize,
      heapLimit: memory.jsHeapSizeLimit,
    };
    if (!this.#precise) {
      this.#precise =
        hasMoreThanThreeSignificantDigits(reading.heapUsed) || hasMoreThanThreeSignificantDigits(reading.heapTotal);
    }
    return reading;
  }

  /** What this source gives on this page, and how to get more. */
  capability(): Capability {
    if (!this.available) {
      return {
        state: 'unavailable',
        reason: 'performance.memory does not exist in this browser (it is Chromium-only).',
        fix: 'Use a Chromium-based browser, or rely on measureUserAgentSpecificMemory.',
      };
    }
    if (this.#precise) {
      return { state: 'active', reason: 'performance.memory gives precise JS heap sizes.' };
    }
    return {
      state: 'coarse',
      reason: 'performance.memory is rounded to coarse buckets and updates rarely; small changes will not show.',
      fix: 'Serve COOP/COEP headers for precise measureUserAgentSpecificMemory, or start Chromium with --enable-precise-memory-info while debugging.',
    };
  }
}
