import { createMemscope } from 'memscope';
import type { Memscope } from 'memscope';

/**
 * The demo's one Memscope instance, started before React renders, as the README tells users to do.
 * It samples every second (the default is 2 s) and measures user-agent memory about every 10 s
 * (the default is 5 min) so that the demo moves quickly.
 */
export const memscope: Memscope =
  // `?memscope=off` runs the demo without Memscope, for the benchmark that measures what Memscope costs it.
  new URLSearchParams(location.search).get('memscope') === 'off'
    ? { sid: '', mark() {}, stop() {} }
    : createMemscope({ sampleIntervalMs: 1000, uaMemoryIntervalMs: 10_000 });
