// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installReactHook } from './install-hook.js';
import { ReactTracker } from './tracker.js';
import { REACT_BUILDS, loadReact } from './__fixtures__/load-react.js';
import type { ComponentStat } from '../protocol/index.js';

const options = { mode: 'full' as const, stormRendersPerSecond: 1000, slowRenderMs: 10_000, maxHookMs: 1000 };

describe.each(REACT_BUILDS)('the commit walker on React $major ($build)', ({ major, build }) => {
  let tracker: ReactTracker;
  let r: ReturnType<typeof loadReact>;
  let container: HTMLElement;

  beforeEach(() => {
    delete (globalThis as { __REACT_DEVTOOLS_GLOBAL_HOOK__?: unknown }).__REACT_DEVTOOLS_GLOBAL_HOOK__;
    delete globalThis.__MEMSCOPE_REACT__;
    const state = installReactHook()!;
    r = loadReact(major, build);
    tracker = new ReactTracker(state, options, () => {});
    container = document.createElement('div');
    document.body.appendChild(container);
  });
  afterEach(() => {
    tracker.detach();
    container.remove();
  });

  const stats = (): Record<string, ComponentStat> =>
    Object.fromEntries(Array.from({ length: tracker.table.size }, (_, i) => tracker.component(i)).map((c) => [c.name, c]));

  it('loads the build it claims to test', () => {
    expect(r.version.startsWith(String(major))).toBe(true);
    const [renderer] = tracker.status().renderers;
    expect(renderer?.build).toBe(build);
  });

  it('counts mounts, renders, unmounts and live instances per component', () => {
    const { React, createRoot, flushSync } = r;
    const h = React.createElement;
    function Row({ label }: { label: string }) {
      return h('li', null, label);
    }
    function List({ n }: { n: number }) {
      return h('ul', null, Array.from({ length: n }, (_, i) => h(Row, { key: i, label: `row ${i}` })));
    }
    const root = createRoot(container);
    flushSync(() => root.render(h(List, { n: 3 })));
    expect(stats().List).toMatchObject({ mounts: 1, renders: 1, live: 1 });
    expect(stats().Row).toMatchObject({ mounts: 3, renders: 3, live: 3, lastReasons: ['mount'] });
    // React times renders in development builds (with a hook present at load); production has no durations.
    if (build === 'development') expect(stats().List!.totalMs).toBeGreaterThan(0);
    else expect(stats().List!.totalMs).toBe(0);
    expect(stats().List!.totalMs).toBeGreaterThanOrEqual(stats().List!.selfMs);

    flushSync(() => root.render(h(List, { n: 1 })));
    expect(stats().List).toMatchObject({ renders: 2, live: 1, lastReasons: ['props'], lastPropKeys: ['n'] });
    expect(stats().Row).toMatchObject({ unmounts: 2, live: 1 });

    flushSync(() => root.unmount());
    expect(stats().List).toMatchObject({ unmounts: 1, live: 0 });
    expect(stats().Row).toMatchObject({ live: 0 });
  });

  it('tells state, props, context and parent renders apart, and skips what React reused', () => {
    const { React, createRoot, flushSync } = r;
    const h = React.createElement;
    const Theme = React.createContext('light');
    Theme.displayName = 'Theme';
    let setCount: (n: number) => void = () => {};
    let setTheme: (t: string) => void = () => {};
    function Themed() {
      return h('span', null, React.useContext(Theme));
    }
    const Pure = React.memo(function Pure({ value }: { value: number }) {
      return h('b', null, value);
    });
    function Plain() {
      return h('i', null, 'plain');
    }
    const Stable = React.memo(function Stable() {
      return h(Themed);
    });
    function App() {
      const [count, set] = React.useState(0);
      const [theme, setT] = React.useState('light');
      setCount = set;
      setTheme = setT;
      return h(Theme.Provider, { value: theme }, h(Pure, { value: Math.floor(count / 2) }), h(Plain), h(Stable));
    }
    const root = createRoot(container);
    flushSync(() => root.render(h(App)));
    flushSync(() => setCount(1));
    let s = stats();
    expect(s.App).toMatchObject({ renders: 2, lastReasons: ['state'] });
    expect(s.Plain).toMatchObject({ renders: 2, lastReasons: ['parent'] });
    // memo with equal props, and a subtree React reused: not rendered again.
    expect(s.Pure!.renders).toBe(1);
    expect(s.Stable!.renders).toBe(1);
    expect(s.Themed!.renders).toBe(1);

    flushSync(() => setCount(2));
    s = stats();
    expect(s.Pure).toMatchObject({ renders: 2, lastReasons: ['props'], lastPropKeys: ['value'] });

    flushSync(() => setTheme('dark'));
    s = stats();
    expect(s.Themed).toMatchObject({ renders: 2, lastReasons: ['context'] });
    expect(s['Theme.Provider']!.renders).toBeGreaterThanOrEqual(2);
    expect(s.Themed!.reasons.context).toBe(1);
    flushSync(() => root.unmount());
  });

  it('finds renders, mounts and unmounts deep inside host elements that React reconciled again, and counts a provider only when its value changes', () => {
    const { React, createRoot, flushSync } = r;
    const h = React.createElement;
    const Mode = React.createContext('a');
    Mode.displayName = 'Mode';
    const Slot = React.createContext(0);
    Slot.displayName = 'Slot';
    const Inner = React.memo(function Inner({ tick }: { tick: number }) {
      return h('b', null, tick);
    });
    const Reader = React.memo(function Reader() {
      return h('i', null, React.useContext(Mode));
    });
    function Extra() {
      return h('u', null, 'extra');
    }
    let setState: (s: { tick: number; extra: boolean; mode: string }) => void = () => {};
    function Shell() {
      const [s, set] = React.useState({ tick: 0, extra: false, mode: 'a' });
      setState = set;
      // Components three host levels down: the walk must reach them through host elements whose own
      // props changed on every render of Shell.
      return h(
        'main',
        { 'data-tick': s.tick },
        h('section', { title: String(s.tick) }, h('div', null, h(Inner, { tick: Math.floor(s.tick / 2) }), s.extra ? h(Extra) : null)),
        h(Mode.Provider, { value: s.mode }, h('p', { title: String(s.tick) }, h(Reader))),
        // A provider over host elements only: nothing under it renders, so only its placement shows.
        h('footer', null, s.extra ? h(Slot.Provider, { value: 1 }, h('s', null, 'slot')) : null),
      );
    }
    const root = createRoot(container);
    flushSync(() => root.render(h(Shell)));
    expect(stats()['Mode.Provider']).toMatchObject({ mounts: 1, renders: 1 });

    // Shell re-renders; Inner's props are equal, the provider's value is the same: under the host
    // elements nothing rendered, so nothing is counted there.
    flushSync(() => setState({ tick: 1, extra: false, mode: 'a' }));
    expect(stats().Shell!.renders).toBe(2);
    expect(stats().Inner!.renders).toBe(1);
    expect(stats()['Mode.Provider']!.renders).toBe(1);
    expect(stats().Reader!.renders).toBe(1);

    // Now Inner's props change and the provider's value changes.
    flushSync(() => setState({ tick: 2, extra: false, mode: 'b' }));
    expect(stats().Inner).toMatchObject({ renders: 2, lastReasons: ['props'] });
    expect(stats()['Mode.Provider']).toMatchObject({ renders: 2, lastReasons: ['props'], lastPropKeys: ['value'] });
    expect(stats().Reader).toMatchObject({ renders: 2, lastReasons: ['context'] });

    // Only a mount three levels down (Inner's props are equal again), then only its unmount.
    flushSync(() => setState({ tick: 3, extra: true, mode: 'b' }));
    expect(stats().Extra).toMatchObject({ mounts: 1, renders: 1, live: 1 });
    expect(stats()['Slot.Provider']).toMatchObject({ mounts: 1, live: 1 });
    expect(stats().Inner!.renders).toBe(2);
    flushSync(() => setState({ tick: 3, extra: false, mode: 'b' }));
    expect(stats().Extra).toMatchObject({ unmounts: 1, live: 0 });
    expect(stats()['Slot.Provider']).toMatchObject({ unmounts: 1, live: 0 });
    expect(stats()['Mode.Provider']!.renders).toBe(2);
    flushSync(() => root.unmount());
    expect(stats()['Mode.Provider']).toMatchObject({ unmounts: 1, live: 0 });
  });

  it('compares props, state and context values as React does: 0 to -0 is a change, NaN to NaN is none', () => {
    const { React, createRoot, flushSync } = r;
    const h = React.createElement;
    const Level = React.createContext(0);
    let setZero: (n: number) => void = () => {};
    let setLevel: (n: number) => void = () => {};
    function Reader() {
      return h('b', null, String(React.useContext(Level)));
    }
    const Stable = React.memo(function Stable() {
      return h(Reader);
    });
    // memo compares props with Object.is too: -0 after 0 re-renders it, because of prop `x`.
    const Signed = React.memo(function Signed({ x, nan }: { x: number; nan: number }) {
      return h('s', null, `${1 / x}${nan}`);
    });
    function Counter() {
      const [zero, set] = React.useState(0);
      const [nan] = React.useState(NaN);
      setZero = set;
      return h('i', null, `${1 / zero}${nan}`);
    }
    function App() {
      const [level, set] = React.useState(0);
      setLevel = set;
      return h(Level.Provider, { value: level }, h(Counter), h(Stable), h(Signed, { x: level, nan: NaN }));
    }
    const root = createRoot(container);
    flushSync(() => root.render(h(App)));
    // React re-renders for -0 after 0 (Object.is tells them apart): a state change.
    flushSync(() => setZero(-0));
    expect(stats().Counter).toMatchObject({ renders: 2, lastReasons: ['state'] });
    // The context going from 0 to -0 re-renders its reader through a memo that did not render, and
    // Counter with its parent: its NaN state is unchanged (as `!==` would not say).
    flushSync(() => setLevel(-0));
    expect(stats().Reader).toMatchObject({ renders: 2, lastReasons: ['context'] });
    expect(stats().Stable!.renders).toBe(1);
    expect(stats().Counter).toMatchObject({ renders: 3, lastReasons: ['parent'] });
    expect(stats().Signed).toMatchObject({ renders: 2, lastReasons: ['props'], lastPropKeys: ['x'] });
    flushSync(() => root.unmount());
  });

  it('counts every render but examines the reasons of at most 8 renders of a type per commit', () => {
    const { React, createRoot, flushSync } = r;
    const h = React.createElement;
    function Item({ label }: { label: string }) {
      return h('li', null, label);
    }
    const root = createRoot(container);
    const render = (suffix: string) =>
      flushSync(() => root.render(h('ul', null, Array.from({ length: 20 }, (_, i) => h(Item, { key: i, label: `${i}${suffix}` })))));
    render('a');
    render('b');
    render('c');
    const item = stats().Item!;
    expect(item.renders).toBe(60);
    expect(item.reasons.props).toBe(16);
    expect(item).toMatchObject({ lastReasons: ['props'], lastPropKeys: ['label'] });
    flushSync(() => root.unmount());
  });

  it('claims no reason, not even "mount", when counting only', () => {
    const { React, createRoot, flushSync } = r;
    const h = React.createElement;
    tracker.walker.mode = 'counts';
    function Label({ text }: { text: string }) {
      return h('span', null, text);
    }
    const root = createRoot(container);
    flushSync(() => root.render(h('div', null, h(Label, { text: 'a' }))));
    flushSync(() => root.render(h('div', null, h(Label, { text: 'b' }))));
    expect(stats().Label).toMatchObject({ renders: 2, lastReasons: [], reasons: { props: 0, state: 0, context: 0, parent: 0 } });
    flushSync(() => root.unmount());
  });

  it('names at most four changed prop keys, and still sees a change when a key was only removed', () => {
    const { React, createRoot, flushSync } = r;
    const h = React.createElement;
    function Card(props: Record<string, number>) {
      return h('p', null, Object.keys(props).length);
    }
    const root = createRoot(container);
    flushSync(() => root.render(h(Card, { a: 1, b: 1, c: 1, d: 1, e: 1, f: 1 })));
    flushSync(() => root.render(h(Card, { a: 2, b: 2, c: 2, d: 2, e: 2, f: 1 })));
    expect(stats().Card).toMatchObject({ lastReasons: ['props'], lastPropKeys: ['a', 'b', 'c', 'd'] });
    flushSync(() => root.render(h(Card, { a: 2, f: 1 })));
    expect(stats().Card).toMatchObject({ renders: 3, lastReasons: ['props'], lastPropKeys: [] });
    flushSync(() => root.render(h(Card, { a: 3, f: 1 })));
    expect(stats().Card).toMatchObject({ lastReasons: ['props'], lastPropKeys: ['a'] });
    flushSync(() => root.unmount());
  });

  it('names components through memo, forwardRef, displayName and classes', () => {
    const { React, createRoot, flushSync } = r;
    const h = React.createElement;
    const Input = React.forwardRef(function Input(_props: object, ref: unknown) {
      return h('input', { ref });
    });
    const Named = () => h('p');
    Named.displayName = 'FancyName';
    class Legacy extends React.Component {
      override render() {
        return h('div');
      }
    }
    const Memoised = React.memo(function Card() {
      return h('section');
    });
    const root = createRoot(container);
    flushSync(() => root.render(h('div', null, h(Input), h(Named), h(Legacy), h(Memoised))));
    expect(Object.keys(stats()).sort()).toEqual(['Card', 'FancyName', 'Input', 'Legacy']);
    flushSync(() => root.unmount());
  });

  it('reports the hook cost of the commits it walked', () => {
    const { React, createRoot, flushSync } = r;
    const root = createRoot(container);
    flushSync(() => root.render(React.createElement('div')));
    const { hook } = tracker.status();
    expect(hook.commits).toBeGreaterThanOrEqual(1);
    expect(hook.maxMs).toBeGreaterThanOrEqual(0);
    flushSync(() => root.unmount());
  });
});
