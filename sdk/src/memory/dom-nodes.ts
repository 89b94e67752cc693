import type { Capability } from '../protocol/index.js';

/**
 * Counts the elements in the document. We hold no reference to the collection between samples
 * (so nothing of the DOM is retained by us); Blink caches `getElementsByTagName('*')` per document
 * and its length until the DOM changes, so an unchanged page costs almost nothing per sample.
 */
export function readDomNodes(): number | undefined {
  return typeof document === 'undefined' ? undefined : document.getElementsByTagName('*').length;
}

/** What the element count gives on this page. */
export function domNodesCapability(): Capability {
  return typeof document === 'undefined'
    ? { state: 'unavailable', reason: 'There is no document in this context.' }
    : { state: 'active', reason: 'Counts the elements in the document at every sample.' };
}
