// bippy 0.7.3, the instrumentation kernel under React Scan: count renders per component type with
// traverseRenderedFibers, the same job Memscope's walker does at its least.
import { instrument, traverseRenderedFibers } from 'bippy';
import { expose, hookTimes } from './app.js';

const renders = new WeakMap<object, number>();
let labelRenders = 0;
instrument({
  onCommitFiberRoot(_rendererId, root) {
    const start = performance.now();
    traverseRenderedFibers(root, (fiber) => {
      const type = fiber.type as object | null;
      if (type && (typeof type === 'function' || typeof type === 'object')) {
        renders.set(type, (renders.get(type) ?? 0) + 1);
        if ((type as { name?: string }).name === 'Label') labelRenders++;
      }
    });
    hookTimes.push(performance.now() - start);
  },
});

expose(() => ({ labelRenders }));
