import type { Capability } from '../protocol/index.js';

/**
 * Counts the elements in the document with a static query. Not `getElementsByTagName('*')`: that
 * returns a live collection which Blink caches on the document until a major GC collects it, and while
 * any live collection exists, every child-list change in the page walks its ancestors to invalidate
 * node-list caches. Measured in Chromium 156 (`npm run bench -- sample`), 10,000 element insertions
 * and removals ran 10 to 22% slower after one such count, and within the noise (±6%) after a
 * Memscope sample: a sampler must not tax every DOM change the app makes. `querySelectorAll('*')`
 * costs about the same per sample (the live collection recounts after any change too), and its
 * static list is garbage as soon as we have its length.
 */
export function readDomNodes(): number | undefined {
  return typeof document === 'undefined' ? undefined : document.querySelectorAll('*').length;
}

/** What the element count gives on this page. */
export function domNodesCapability(): Capability {
  return typeof document === 'undefined'
    ? { state: 'unavailable', reason: 'There is no document in this context.' }
    : { state: 'active', reason: 'Counts the elements in the document at every sample.' };
}
