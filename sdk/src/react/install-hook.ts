/**
 * Installs React's DevTools hook, or wraps one that is already there, so Memscope sees every commit.
 * It has no runtime imports: it is the whole of the tiny `memscope/install` entry. It never replaces
 * an existing hook: with React DevTools or react-refresh on the page, it wraps their methods and
 * calls the original first, so they keep working.
 */
import type { MemscopeReactHookState } from './hook-state.js';

type Fn = (...args: unknown[]) => unknown;
type Hook = Record<string, unknown> & { renderers?: Map<number, unknown> };

/**
 * Installs (or wraps) the hook and returns the shared state; returns the existing state when it already
 * ran, and undefined outside a browser. Importing this module calls it.
 */
export function installReactHook(): MemscopeReactHookState | undefined {
  // Cast from unknown: other tools (bippy, React DevTools types) declare this global differently.
  const g = globalThis as unknown as { __REACT_DEVTOOLS_GLOBAL_HOOK__?: Hook; __MEMSCOPE_REACT__?: MemscopeReactHookState };
  if (typeof window === 'undefined') return undefined;
  if (g.__MEMSCOPE_REACT__) return g.__MEMSCOPE_REACT__;
  const state: MemscopeReactHookState = {
    v: 1,
    renderers: new Map(),
    roots: new Set(),
    listeners: new Set(),
    wrapped: false,
    commits: 0,
    errors: 0,
    installedAt: performance.now(),
  };
  const each = (method: 'commit' | 'postCommit', id: number, root: unknown) => {
    for (const listener of state.listeners) {
      try {
        listener[method]?.(id, root);
      } catch {
        // React would swallow it and warn once; we count it instead and keep the app untouched.
        state.errors++;
      }
    }
  };
  const ours: Record<string, Fn> = {
    inject(renderer, id) {
      state.renderers.set(id as number, renderer as object);
    },
    onCommitFiberRoot(id, root) {
      state.commits++;
      const r = root as { current?: { memoizedState?: { element?: unknown } } };
      // A root whose element is gone has been unmounted: stop holding it.
      if (r.current?.memoizedState?.element == null) state.roots.delete(root);
      else state.roots.add(root);
      each('commit', id as number, root);
    },
    onPostCommitFiberRoot(id, root) {
      each('postCommit', id as number, root);
    },
  };

  let hook = g.__REACT_DEVTOOLS_GLOBAL_HOOK__;
  if (hook && typeof hook === 'object') {
    // Wrap, never replace: the object, its renderers Map and its other methods stay theirs.
    state.wrapped = true;
    hook.renderers?.forEach((renderer, id) => state.renderers.set(id, renderer as object));
    for (const name of Object.keys(ours)) {
      const previous = hook[name] as Fn | undefined;
      hook[name] = function (this: unknown, ...args: unknown[]) {
        let result: unknown;
        try {
          if (typeof previous === 'function') result = previous.apply(this, args);
        } finally {
          // inject's id comes from the previous handler.
          if (name === 'inject') ours.inject!(args[0], result);
          else ours[name]!(...args);
        }
        return result;
      };
    }
  } else {
    let nextId = 0;
    const renderers = new Map<number, unknown>();
    hook = {
      renderers,
      supportsFiber: true,
      inject(renderer: unknown) {
        const id = ++nextId;
        renderers.set(id, renderer);
        ours.inject!(renderer, id);
        return id;
      },
      onCommitFiberRoot: ours.onCommitFiberRoot,
      onPostCommitFiberRoot: ours.onPostCommitFiberRoot,
      // No onCommitFiberUnmount: React calls it for every deleted fiber when it is defined (10,000 calls
      // to unmount a screen of 5,000 components), and the walker finds unmounts in `fiber.deletions`.
      onScheduleFiberRoot() {},
      // react-dom calls this to check dead-code elimination; nothing to do.
      checkDCE() {},
    };
    g.__REACT_DEVTOOLS_GLOBAL_HOOK__ = hook;
  }
  g.__MEMSCOPE_REACT__ = state;
  return state;
}
