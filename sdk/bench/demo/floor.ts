// The demo bench's floor (MEMSCOPE_DEMO_FLOOR=1): the least a per-component-type render counter can do
// on Memscope's own parts. Memscope's installer, then one commit listener that walks each commit as
// Memscope's walker does (the same pruning of reused and quiet subtrees, unmounts through
// `fiber.deletions`), finds each component's type in Memscope's type map (type-rows.ts), and counts its
// renders, mounts and unmounts, as the peer does. No reasons, timings, names, retention, sampling, SDK.
// What the whole interaction costs with it is what the goal of 1.03 leaves for everything else.
import { installReactHook } from '../../src/react/install-hook.js';
import { createTypeRows } from '../../src/react/type-rows.js';
import { afterSubtree } from '../../src/react/walker.js';
import { CHILD_DELETION, PERFORMED_WORK, SUBTREE_WORK, TRACKED_TAGS } from '../../src/react/fiber.js';
import type { Fiber, FiberRoot } from '../../src/react/fiber.js';

const types = createTypeRows();
let size = 0;
/** Renders, mounts and unmounts: three slots a row. */
let counts = new Float64Array(3 * 256);
let handlerMs = 0;
let commits = 0;

const tracked = (fiber: Fiber) => fiber.tag < 32 && ((TRACKED_TAGS >>> fiber.tag) & 1) === 1;

function count(fiber: Fiber, slot: number): void {
  const type = fiber.type;
  if (type === null || (typeof type !== 'object' && typeof type !== 'function')) return;
  let row = types.get(type);
  if (row === undefined) {
    row = size++;
    if (3 * row >= counts.length) {
      const grown = new Float64Array(counts.length * 2);
      grown.set(counts);
      counts = grown;
    }
    types.set(type, row);
  }
  counts[3 * row + slot]!++;
  // A mount is a render too, as Memscope and the peer count it.
  if (slot === 1) counts[3 * row]!++;
}

/** Everything from `root` down (not its siblings), depth first: the unmounts of one deletion. */
function unmounted(root: Fiber): void {
  let fiber: Fiber | null = root;
  while (fiber !== null) {
    if (tracked(fiber)) count(fiber, 2);
    fiber = fiber.child ?? (fiber === root ? null : afterSubtree(fiber, root));
  }
}

function deletions(fiber: Fiber): void {
  if ((fiber.flags & CHILD_DELETION) === 0 || fiber.deletions === null) return;
  for (const deleted of fiber.deletions) unmounted(deleted);
}

function walk(root: FiberRoot): void {
  const top = root.current;
  deletions(top);
  let fiber = top.child;
  while (fiber !== null) {
    const prev = fiber.alternate;
    let child: Fiber | null = null;
    if (prev === null) {
      if (tracked(fiber)) count(fiber, 1);
      child = fiber.child;
    } else {
      if (tracked(fiber) && (fiber.flags & PERFORMED_WORK) !== 0) count(fiber, 0);
      deletions(fiber);
      if (fiber.child !== prev.child && (fiber.subtreeFlags & SUBTREE_WORK) !== 0) child = fiber.child;
    }
    fiber = child ?? afterSubtree(fiber, top);
  }
}

installReactHook()?.listeners.add({
  commit(_rendererId, root) {
    const start = performance.now();
    walk(root as FiberRoot);
    handlerMs += performance.now() - start;
    commits++;
  },
});

declare global {
  interface Window {
    /** Read by sdk/bench/demo.bench.mjs: the listener's own time, as Memscope meters its own. */
    __MEMSCOPE_FLOOR__?: { handlerMs(): number; commits(): number };
  }
}
window.__MEMSCOPE_FLOOR__ = { handlerMs: () => handlerMs, commits: () => commits };
