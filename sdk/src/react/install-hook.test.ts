// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installReactHook } from './install-hook.js';

type AnyHook = Record<string, (...args: unknown[]) => unknown> & { renderers: Map<number, unknown> };
const globals = globalThis as unknown as { __REACT_DEVTOOLS_GLOBAL_HOOK__?: AnyHook; __MEMSCOPE_REACT__?: unknown };

afterEach(() => {
  delete globals.__REACT_DEVTOOLS_GLOBAL_HOOK__;
  delete globals.__MEMSCOPE_REACT__;
});

describe('installReactHook', () => {
  it('creates a hook React can inject into, and hands commits to listeners', () => {
    const state = installReactHook()!;
    const hook = globals.__REACT_DEVTOOLS_GLOBAL_HOOK__!;
    expect(hook.isDisabled).toBeUndefined();
    const id = hook.inject!({ version: '19.0.0', bundleType: 0 });
    expect(state.renderers.get(id as number)).toMatchObject({ version: '19.0.0' });
    const commit = vi.fn();
    state.listeners.add({ commit });
    const root = { current: { memoizedState: { element: {} } } };
    hook.onCommitFiberRoot!(id, root);
    expect(commit).toHaveBeenCalledWith(id, root);
    expect(state.roots.has(root)).toBe(true);
    // A root whose element is gone was unmounted: it is not held any longer.
    hook.onCommitFiberRoot!(id, Object.assign(root, { current: { memoizedState: { element: null } } }));
    expect(state.roots.has(root)).toBe(false);
  });

  it('wraps a hook that was there first: same object, same renderers, the original called first', () => {
    const calls: string[] = [];
    const renderers = new Map<number, unknown>([[1, { version: '18.3.1' }]]);
    const theirs = {
      renderers,
      supportsFiber: true,
      inject: () => (calls.push('their inject'), 2),
      onCommitFiberRoot: () => void calls.push('their commit'),
      onPostCommitFiberRoot: () => void calls.push('their post'),
      emit: () => {},
    } as unknown as AnyHook;
    globals.__REACT_DEVTOOLS_GLOBAL_HOOK__ = theirs;
    const state = installReactHook()!;
    state.listeners.add({ commit: () => void calls.push('our commit') });
    expect(globals.__REACT_DEVTOOLS_GLOBAL_HOOK__).toBe(theirs);
    expect(theirs.renderers).toBe(renderers);
    expect(state.wrapped).toBe(true);
    expect(state.renderers.get(1)).toMatchObject({ version: '18.3.1' });
    expect(theirs.inject!({ version: '19.1.0' })).toBe(2);
    expect(state.renderers.get(2)).toMatchObject({ version: '19.1.0' });
    theirs.onCommitFiberRoot!(2, { current: { memoizedState: { element: {} } } });
    expect(calls).toEqual(['their inject', 'their commit', 'our commit']);
  });

  it('still sees the commit when the original handler throws, and never lets a listener throw into React', () => {
    globals.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
      renderers: new Map(),
      onCommitFiberRoot: () => {
        throw new Error('theirs broke');
      },
    } as unknown as AnyHook;
    const state = installReactHook()!;
    const commit = vi.fn();
    state.listeners.add({ commit: () => { throw new Error('ours broke'); } });
    state.listeners.add({ commit });
    expect(() => globals.__REACT_DEVTOOLS_GLOBAL_HOOK__!.onCommitFiberRoot!(1, {})).toThrow('theirs broke');
    expect(commit).toHaveBeenCalledTimes(1);
    expect(state.errors).toBe(1);
  });

  it('installs once: a second call returns the same state', () => {
    expect(installReactHook()).toBe(installReactHook());
  });
});
