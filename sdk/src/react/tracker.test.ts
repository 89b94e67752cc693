// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LIMITS } from '../protocol/limits.js';
import type { ComponentStat } from '../protocol/index.js';
import { installReactHook } from './install-hook.js';
import { REASON_BUDGET_PER_COMMIT, REASON_SAMPLES_PER_COMMIT } from './component-table.js';
import { MAX_RETAINED, Retention } from './retention.js';
import { ReactTracker, reactLoadedBeforeHook } from './tracker.js';
import type { ReactTrackingOptions } from './tracker.js';
import { REACT_BUILDS, loadReact } from './__fixtures__/load-react.js';

const options: ReactTrackingOptions = { mode: 'full', stormRendersPerSecond: 1000, slowRenderMs: 10_000, maxHookMs: 1000 };

/** Collects garbage until the tracker has seen `cycles` more collections (its canary is collected once per GC). */
async function collect(tracker: ReactTracker, cycles = 3): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('Run the unit tests with --expose-gc (vitest.config.ts sets it).');
  const target = tracker.retention.epoch + cycles;
  for (let i = 0; i < 50 && tracker.retention.epoch < target; i++) {
    gc();
    // WeakRef targets stay alive until the current task ends, and finalizers run in a later task.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  if (tracker.retention.epoch < target) throw new Error('Garbage collection did not advance the canary.');
  tracker.checkRetention();
}

function setUp(major: 18 | 19, build: 'development' | 'production', opts: Partial<ReactTrackingOptions> = {}, retention?: Retention) {
  delete (globalThis as { __REACT_DEVTOOLS_GLOBAL_HOOK__?: unknown }).__REACT_DEVTOOLS_GLOBAL_HOOK__;
  delete globalThis.__MEMSCOPE_REACT__;
  const state = installReactHook()!;
  const r = loadReact(major, build);
  const tracker = new ReactTracker(state, { ...options, ...opts }, () => {}, retention);
  const container = document.createElement('div');
  document.body.appendChild(container);
  const stats = (): Record<string, ComponentStat> =>
    Object.fromEntries(Array.from({ length: tracker.table.size }, (_, i) => tracker.component(i)).map((c) => [c.name, c]));
  return { r, tracker, container, stats };
}

/** `count` distinct component types, each rendering one `<i>`. */
function distinctTypes(h: typeof import('react').createElement, count: number) {
  return Array.from({ length: count }, (_, i) => {
    const Type = ({ n }: { n: number }) => h('i', null, n);
    Type.displayName = `T${i}`;
    return Type;
  });
}

describe.each(REACT_BUILDS)('retention after unmount on React $major ($build)', ({ major, build }) => {
  let ctx: ReturnType<typeof setUp>;
  beforeEach(() => (ctx = setUp(major, build)));
  afterEach(() => {
    ctx.tracker.detach();
    ctx.container.remove();
  });

  it('reports every component of a deleted subtree as retained while app code holds its DOM, and none once it lets go', async () => {
    const { r, tracker, container, stats } = ctx;
    const h = r.React.createElement;
    const Row = ({ i }: { i: number }) => h('li', null, i);
    const List = () => h('ul', null, Array.from({ length: 300 }, (_, i) => h(Row, { key: i, i })));
    const App = ({ show }: { show: boolean }) => h('main', null, show ? h(List) : null);
    const root = r.createRoot(container);
    r.flushSync(() => root.render(h(App, { show: true })));
    // The app's leak: a long-lived reference to one node inside the list. (Found by walking the DOM:
    // jsdom's querySelector caches the elements it matched, which would hold them too.)
    let held: Element | null = container.firstElementChild!.firstElementChild!.children[149]!;
    r.flushSync(() => root.render(h(App, { show: false })));
    await collect(tracker);
    expect(stats().Row).toMatchObject({ live: 0, unmounts: 300, retained: 300 });
    expect(stats().List).toMatchObject({ retained: 1 });
    held = null;
    await collect(tracker);
    expect(held).toBeNull();
    expect(stats().Row?.retained).toBe(0);
    expect(stats().List?.retained).toBe(0);
    root.unmount();
  });

  it('judges the components of a second top node and of a portal apart from the deleted subtree whose first node app code holds', async () => {
    const { r, tracker, container, stats } = ctx;
    const h = r.React.createElement;
    const portalHost = document.createElement('div');
    document.body.appendChild(portalHost);
    const Left = () => h('p', null, 'left');
    const Right = () => h('p', null, 'right');
    const InPortal = () => h('p', null, 'in a portal');
    // Two top nodes: React detaches each of them, so each is a detached tree of its own.
    const Pair = () => [h('section', { key: 's' }, h(Left), r.createPortal(h(InPortal), portalHost)), h('aside', { key: 'a' }, h(Right))];
    const App = ({ show }: { show: boolean }) => h('main', null, show ? h(Pair) : null);
    const root = r.createRoot(container);
    r.flushSync(() => root.render(h(App, { show: true })));
    // Found by walking the DOM: jsdom's querySelector caches what it matched.
    let held: Element | null = container.firstElementChild!.firstElementChild!;
    expect(held.tagName).toBe('SECTION');
    r.flushSync(() => root.render(h(App, { show: false })));
    await collect(tracker);
    expect(stats().Pair?.retained).toBe(1);
    expect(stats().Left?.retained).toBe(1);
    expect(stats().Right?.retained).toBe(0);
    expect(stats().InPortal?.retained).toBe(0);
    held = null;
    await collect(tracker);
    expect(held).toBeNull();
    expect(stats().Left?.retained).toBe(0);
    root.unmount();
    portalHost.remove();
  });

  it('tells the panel when the components it waits on are judged, even when none of them was retained', async () => {
    const { r, tracker, container } = ctx;
    const h = r.React.createElement;
    const Dialog = () => h('div', { role: 'dialog' }, 'details');
    const App = ({ open }: { open: boolean }) => h('main', null, open ? h(Dialog) : null);
    const root = r.createRoot(container);
    r.flushSync(() => root.render(h(App, { open: true })));
    r.flushSync(() => root.render(h(App, { open: false })));
    expect(tracker.status().retention.watching).toBe(1);
    tracker.payload(false);
    expect(tracker.dirty).toBe(false);
    await collect(tracker);
    expect(tracker.status().retention.watching).toBe(0);
    expect(tracker.component(tracker.table.rows.get(Dialog)!).retained).toBe(0);
    expect(tracker.dirty).toBe(true);
    root.unmount();
  });

  it('does not judge an unmounted component while the control made at its unmount is still alive', async () => {
    ctx.tracker.detach();
    // Collections that free JavaScript objects but leave detached DOM alone, as Chromium's own can:
    // the control the retention made is held here until the test lets go.
    const controls: object[] = [];
    ctx = setUp(major, build, {}, new Retention(() => (controls.push({}), controls[controls.length - 1])));
    const { r, tracker, container, stats } = ctx;
    const h = r.React.createElement;
    const Dialog = () => h('div', { role: 'dialog' }, 'details');
    const App = ({ open }: { open: boolean }) => h('main', null, open ? h(Dialog) : null);
    const root = r.createRoot(container);
    r.flushSync(() => root.render(h(App, { open: true })));
    // Something of the app's holds the dialog's DOM: retained, once it can be judged.
    const held: Element | null = container.querySelector('[role="dialog"]');
    r.flushSync(() => root.render(h(App, { open: false })));
    expect(controls).toHaveLength(1);
    await collect(tracker);
    expect(tracker.status().retention.watching).toBe(1);
    expect(stats().Dialog?.retained).toBe(0);
    controls.length = 0;
    await collect(tracker);
    expect(tracker.status().retention.watching).toBe(0);
    expect(stats().Dialog?.retained).toBe(1);
    expect(held).not.toBeNull();
    root.unmount();
  });

  it('reports no more components as retained than its limit, and counts the rest of a held subtree as unwatched', async () => {
    const { r, tracker, container, stats } = ctx;
    const h = r.React.createElement;
    const rows = MAX_RETAINED + 200;
    const Row = ({ i }: { i: number }) => h('li', null, i);
    const List = () => h('ul', null, Array.from({ length: rows }, (_, i) => h(Row, { key: i, i })));
    const App = ({ show }: { show: boolean }) => h('main', null, show ? h(List) : null);
    const root = r.createRoot(container);
    r.flushSync(() => root.render(h(App, { show: true })));
    let held: Element | null = container.firstElementChild!.firstElementChild!;
    r.flushSync(() => root.render(h(App, { show: false })));
    await collect(tracker);
    // The list and its rows share the fate of one detached <ul>: judged together, cut at the limit.
    expect(stats().List!.retained + stats().Row!.retained).toBe(MAX_RETAINED);
    expect(tracker.status().retention).toMatchObject({ watching: 0, unwatched: rows + 1 - MAX_RETAINED });
    held = null;
    await collect(tracker);
    expect(held).toBeNull();
    expect(stats().Row!.retained + stats().List!.retained).toBe(0);
    root.unmount();
  });

  it('reports only the component whose state setter a long-lived store kept', async () => {
    const { r, tracker, container, stats } = ctx;
    const h = r.React.createElement;
    const store = new Set<unknown>();
    const Subscribed = () => {
      const [, set] = r.React.useState(0);
      store.add(set);
      return h('p', null, 'subscribed');
    };
    const Plain = () => {
      r.React.useState(0);
      return h('p', null, 'plain');
    };
    const App = ({ show }: { show: boolean }) => h('main', null, show ? [h(Subscribed, { key: 'a' }), h(Plain, { key: 'b' })] : null);
    const root = r.createRoot(container);
    r.flushSync(() => root.render(h(App, { show: true })));
    r.flushSync(() => root.render(h(App, { show: false })));
    await collect(tracker);
    expect(stats().Subscribed?.retained).toBe(1);
    expect(stats().Plain?.retained).toBe(0);
    store.clear();
    root.unmount();
  });
});

describe('the tracker under thousands of component types (React 19 production)', () => {
  let ctx: ReturnType<typeof setUp>;
  afterEach(() => {
    vi.restoreAllMocks();
    ctx.tracker.detach();
    ctx.container.remove();
  });

  it('counts every render exactly but examines reasons for about REASON_BUDGET_PER_COMMIT renders per commit, each type in turn', () => {
    ctx = setUp(19, 'production');
    const { r, container, stats } = ctx;
    const h = r.React.createElement;
    // Two and a half budgets' worth of types: each is examined every third commit.
    const TYPES = Math.round(2.5 * REASON_BUDGET_PER_COMMIT);
    const types = distinctTypes(h, TYPES);
    const App = ({ n }: { n: number }) => h('div', null, types.map((T, i) => h(T, { key: i, n })));
    const root = r.createRoot(container);
    const examined = () => Object.values(stats()).reduce((sum, c) => sum + c.reasons.props + c.reasons.state + c.reasons.context + c.reasons.parent, 0);
    r.flushSync(() => root.render(h(App, { n: 0 })));
    const perCommit: number[] = [];
    const afterFirst = { mount: 0, unsampled: 0, props: 0 };
    for (let n = 1; n <= 3; n++) {
      const before = examined();
      r.flushSync(() => root.render(h(App, { n })));
      perCommit.push(examined() - before);
      if (n === 1) {
        for (const c of Object.values(stats())) {
          if (!c.name.startsWith('T')) continue;
          if (c.lastReasons.length === 0) afterFirst.unsampled++;
          else if (c.lastReasons[0] === 'mount') afterFirst.mount++;
          else if (c.lastReasons[0] === 'props') afterFirst.props++;
        }
      }
    }
    const s = stats();
    for (const count of perCommit) {
      expect(count).toBeGreaterThan(REASON_BUDGET_PER_COMMIT * 0.7);
      expect(count).toBeLessThanOrEqual(REASON_BUDGET_PER_COMMIT);
    }
    for (let i = 0; i < TYPES; i++) {
      expect(s[`T${i}`]).toMatchObject({ renders: 4, mounts: 1 });
      expect(s[`T${i}`]!.reasons.props).toBe(1);
      expect(s[`T${i}`]!.lastReasons).toEqual(['props']);
    }
    // After the first re-render, the types not yet examined said so; none claimed a mount.
    expect(afterFirst.mount).toBe(0);
    expect(afterFirst.unsampled).toBeGreaterThan(TYPES / 2);
    expect(afterFirst.unsampled + afterFirst.props).toBe(TYPES);
    expect(s.App).toMatchObject({ renders: 4, lastReasons: ['props'], lastPropKeys: ['n'] });
    root.unmount();
  });

  it('examines the reasons of a list of thousands of rows of one type in every commit, a few rows each time', () => {
    ctx = setUp(19, 'production');
    const { r, container, stats } = ctx;
    const h = r.React.createElement;
    const Row = ({ n }: { n: number }) => h('i', null, n);
    const rows = Array.from({ length: 3 * REASON_BUDGET_PER_COMMIT }, (_, i) => i);
    const List = ({ n }: { n: number }) => h('div', null, rows.map((i) => h(Row, { key: i, n })));
    const root = r.createRoot(container);
    const examined = () => {
      const { props, state, context, parent } = stats().Row!.reasons;
      return props + state + context + parent;
    };
    r.flushSync(() => root.render(h(List, { n: 0 })));
    const perCommit: number[] = [];
    for (let n = 1; n <= 4; n++) {
      const before = examined();
      r.flushSync(() => root.render(h(List, { n })));
      perCommit.push(examined() - before);
    }
    // After the mount the next commit may skip it (thousands of fresh components could all have been
    // distinct types); from then on it costs REASON_SAMPLES_PER_COMMIT examinations a commit, far under
    // the budget, so it is examined every time though it renders thousands of times.
    expect(perCommit.slice(1)).toEqual([REASON_SAMPLES_PER_COMMIT, REASON_SAMPLES_PER_COMMIT, REASON_SAMPLES_PER_COMMIT]);
    expect(stats().Row).toMatchObject({ renders: 5 * rows.length, lastReasons: ['props'], lastPropKeys: ['n'] });
    root.unmount();
  });

  it('raises render-storm warnings for the fastest types only when more storm than warnings are kept', () => {
    ctx = setUp(19, 'production', { stormRendersPerSecond: 2 });
    const { r, tracker, container } = ctx;
    const h = r.React.createElement;
    const types = distinctTypes(h, LIMITS.warnings + 100);
    let bump: (() => void) | undefined;
    const Hot = () => {
      const [n, set] = r.React.useState(0);
      bump = () => set((x) => x + 1);
      return h('b', null, n);
    };
    const App = ({ n }: { n: number }) => h('div', null, h(Hot), types.map((T, i) => h(T, { key: i, n })));
    let now = 1_000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    tracker.tick();
    const root = r.createRoot(container);
    for (let n = 0; n < 4; n++) r.flushSync(() => root.render(h(App, { n })));
    for (let i = 0; i < 10; i++) r.flushSync(() => bump!());
    now += 1_000;
    tracker.tick();
    const storms = tracker.warnings.list().filter((w) => w.kind === 'render-storm');
    expect(storms).toHaveLength(LIMITS.warnings);
    // Hot rendered 14 times in the second, every other type 4 times: Hot is among those raised, first by rate.
    expect(storms.map((w) => w.component)).toContain('Hot');
    expect(Math.max(...storms.map((w) => w.value))).toBe(14);
    root.unmount();
  });
});

describe.each(REACT_BUILDS)('resetting the counters on React $major ($build)', ({ major, build }) => {
  let ctx: ReturnType<typeof setUp>;
  afterEach(() => {
    ctx.tracker.detach();
    ctx.container.remove();
  });

  it('zeroes renders, keeps live instances, and claims no last reason for a component that has not rendered since', () => {
    ctx = setUp(major, build);
    const { r, tracker, container, stats } = ctx;
    const h = r.React.createElement;
    const Still = r.React.memo(function Still() {
      return h('i');
    });
    function Moving({ n }: { n: number }) {
      return h('b', null, n);
    }
    function Late() {
      return h('u');
    }
    const App = ({ n }: { n: number }) => h('div', null, h(Still), h(Moving, { n }), n > 1 ? h(Late) : null);
    const root = r.createRoot(container);
    r.flushSync(() => root.render(h(App, { n: 0 })));
    expect(stats().Still).toMatchObject({ renders: 1, live: 1, lastReasons: ['mount'] });

    tracker.reset();
    expect(stats().Still).toMatchObject({ renders: 0, mounts: 1, live: 1, lastReasons: [] });

    r.flushSync(() => root.render(h(App, { n: 1 })));
    expect(stats().Still).toMatchObject({ renders: 0, live: 1, lastReasons: [] });
    expect(stats().Moving).toMatchObject({ renders: 1, live: 1, lastReasons: ['props'], lastPropKeys: ['n'] });

    // A component mounted after the reset still says so.
    r.flushSync(() => root.render(h(App, { n: 2 })));
    expect(stats().Late).toMatchObject({ renders: 1, mounts: 1, lastReasons: ['mount'] });
    root.unmount();
  });
});

describe('reactLoadedBeforeHook', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    document.body.replaceChildren();
    delete (document.body as unknown as Record<string, unknown>)['__reactContainer$test'];
  });

  const markRoot = (el: Element) => ((el as unknown as Record<string, unknown>)['__reactContainer$test'] = {});

  it('finds a React root mounted on a child of the body', () => {
    document.body.append(document.createElement('header'), document.createElement('div'));
    expect(reactLoadedBeforeHook()).toBe(false);
    markRoot(document.body.lastElementChild!);
    expect(reactLoadedBeforeHook()).toBe(true);
  });

  it('finds a React root mounted on the body itself', () => {
    markRoot(document.body);
    expect(reactLoadedBeforeHook()).toBe(true);
  });

  it('looks without creating a live collection for the browser to keep up to date', () => {
    document.body.append(document.createElement('div'));
    const children = vi.spyOn(Element.prototype, 'children', 'get');
    reactLoadedBeforeHook();
    expect(children).not.toHaveBeenCalled();
  });
});
