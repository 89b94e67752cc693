// The demo bench's named peer: bippy 0.7.3, the instrumentation kernel under React Scan, doing the job
// Memscope's walker does at its least (renders, mounts and unmounts per component type, no reasons, no
// retention), installed by an inline script in <head> before React loads, as Memscope's installer is.
import { instrument, traverseRenderedFibers } from 'bippy';

/** Per component type: renders, mounts, unmounts. */
const counts = new WeakMap<object, [number, number, number]>();
const PHASE = { update: 0, mount: 1, unmount: 2 } as const;
let handlerMs = 0;
let commits = 0;

instrument({
  onCommitFiberRoot(_rendererId, root) {
    const start = performance.now();
    traverseRenderedFibers(root, (fiber, phase) => {
      const type = fiber.type as unknown;
      if (type === null || (typeof type !== 'function' && typeof type !== 'object')) return;
      let row = counts.get(type as object);
      if (row === undefined) counts.set(type as object, (row = [0, 0, 0]));
      row[PHASE[phase]]++;
      // A mount is a render too, as Memscope counts it.
      if (phase === 'mount') row[0]++;
    });
    handlerMs += performance.now() - start;
    commits++;
  },
});

declare global {
  interface Window {
    /** Read by sdk/bench/demo.bench.mjs: the commit handler's own time, as Memscope meters its own. */
    __BIPPY_PEER__?: { handlerMs(): number; commits(): number };
  }
}
window.__BIPPY_PEER__ = { handlerMs: () => handlerMs, commits: () => commits };
