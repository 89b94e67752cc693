import type { HeapGraph } from './graph.js';

/** The page's own roots: its global objects (`global` in Node), and what Blink's C++ side keeps (timers, DOM trees). */
const PAGE_ROOT = /^(Window( \[JSGlobal(Object|Proxy)\])? \/ |global$|C\+\+ Persistent roots$)/;

/** Globals that belong to the instruments (Memscope, React's DevTools hook), not to the page. */
const INSTRUMENT_GLOBALS = new Set(['.__MEMSCOPE__', '.__MEMSCOPE_REACT__', '.__REACT_DEVTOOLS_GLOBAL_HOOK__']);
/** Objects of the instruments, by constructor name (window.__MEMSCOPE__ is a MemscopeView). */
const INSTRUMENT_OBJECTS = ['MemscopeView', 'MemscopeViewImpl'];

/**
 * Shortest retainer paths. The search starts from the page's own roots (its global objects and
 * Blink's persistent roots) and only then from everything else under V8's GC roots (handles held by
 * DevTools' InjectedScript and the protocol agents, internal caches). A node reached only through the
 * latter is a measurement artefact, not something the page keeps.
 */
export class RetainerPaths {
  readonly #graph: HeapGraph;
  /** The edge that reached each node first; -1 for seeds and unreached nodes. */
  readonly parentEdge: Int32Array;
  /** The node it came from; -1 for seeds and unreached nodes. */
  readonly parentNode: Int32Array;
  /** 1 where the node is reachable from the page's own roots. */
  readonly fromPage: Uint8Array;
  readonly #reached: Uint8Array;

  /**
   * `countInstruments`: what the instruments hold counts as the page's too, for measuring those
   * instruments themselves (the React benchmark asks whether Memscope keeps anything per commit).
   */
  constructor(graph: HeapGraph, root = 0, countInstruments = false) {
    this.#graph = graph;
    const n = graph.nodeCount;
    this.parentEdge = new Int32Array(n).fill(-1);
    this.parentNode = new Int32Array(n).fill(-1);
    this.fromPage = new Uint8Array(n);
    const seen = (this.#reached = new Uint8Array(n));
    const queue = new Int32Array(n);
    const pageSeeds: number[] = [];
    for (let i = 0; i < n; i++) if (PAGE_ROOT.test(graph.name(i)) && graph.type(i) !== 'string') pageSeeds.push(i);
    let tail = 0;
    const instrumentNames = new Set(countInstruments ? [] : INSTRUMENT_OBJECTS.map((name) => graph.strings.indexOf(name)).filter((i) => i >= 0));
    // The values of the instruments' globals. Skipping the named edge `Window.__MEMSCOPE_REACT__` is not
    // enough: V8 keeps a global object's properties in a dictionary, and the snapshot also reaches each
    // value through it (`Window(properties) → (object properties)[i] → system(value)`, seen in
    // Chromium 156), so the values themselves are what the first pass must not enter.
    const instrumentValues = new Uint8Array(countInstruments ? 0 : n);
    if (!countInstruments) {
      for (const seed of pageSeeds) {
        for (let e = graph.firstEdge[seed]!; e < graph.firstEdge[seed + 1]!; e++) if (INSTRUMENT_GLOBALS.has(graph.edgeLabel(e))) instrumentValues[graph.edgeTo(e)] = 1;
      }
    }
    const bfs = (seeds: number[], own: number) => {
      let head = tail;
      for (const seed of seeds) {
        if (seen[seed]) continue;
        seen[seed] = 1;
        this.fromPage[seed] = own;
        queue[tail++] = seed;
      }
      while (head < tail) {
        const node = queue[head++]!;
        for (let e = graph.firstEdge[node]!; e < graph.firstEdge[node + 1]!; e++) {
          if (graph.edgeTypeIndex(e) === graph.weakEdgeType) continue;
          const to = graph.edgeTo(e);
          // What only the instruments hold is an artefact of measuring, found in the second pass.
          if (own === 1 && !countInstruments && (instrumentValues[to] === 1 || instrumentNames.has(graph.nameIndex(to)))) continue;
          if (seen[to]) continue;
          seen[to] = 1;
          this.parentEdge[to] = e;
          this.parentNode[to] = node;
          this.fromPage[to] = own;
          queue[tail++] = to;
        }
      }
    };
    bfs(pageSeeds, 1);
    bfs([root], 0);
  }

  /** A node as a person reads it: `Window`, `HTMLElement <section>`, `Array`, `"text…"`. */
  label(node: number): string {
    const g = this.#graph;
    const type = g.type(node);
    const name = g.name(node);
    if (type === 'string' || type === 'concatenated string' || type === 'sliced string') return JSON.stringify(name.slice(0, 30));
    if (type === 'closure') return `${name || 'anonymous'}()`;
    // Blink's C++ names carry long template arguments: `blink::HeapHashTableBacking<…>` is enough.
    const short = name
      .split(' / ')[0]!
      .replace(/ \[JSGlobal(Object|Proxy)\]$/, '')
      .replace(/^([\w:]+)<.*>$/s, '$1<…>')
      .replace(/^blink::(\(anonymous namespace\)::)?/, '');
    return g.detachedness(node) === 2 ? `Detached ${short}` : short;
  }

  /** The chain of references from a page root to `node`, e.g. `Window.archivedCards → Array → (elements)[0] → HTMLElement`. */
  path(node: number, maxSteps = 24): string {
    if (!this.#reached[node]) return '(unreachable)';
    const steps: number[] = [];
    let at = node;
    while (this.parentNode[at]! >= 0 && steps.length < maxSteps) {
      steps.push(this.parentEdge[at]!);
      at = this.parentNode[at]!;
    }
    const g = this.#graph;
    let out = (this.parentNode[at]! >= 0 ? '… → ' : '') + this.label(at);
    for (let i = steps.length - 1; i >= 0; i--) {
      const e = steps[i]!;
      out += `${g.edgeLabel(e)} → ${this.label(g.edgeTo(e))}`;
    }
    return out;
  }
}
