import type { HeapGraph } from './graph.js';

/**
 * Shortest retainer paths. The search starts from the page's own roots (the root's children that are
 * not V8's synthetic "(...)" categories: the Window, DOM trees) and only then from the synthetic ones
 * (handles held by DevTools and the protocol agents, internal caches). A node reached only through
 * the latter is a measurement artefact, not something the page keeps.
 */
export class RetainerPaths {
  readonly #graph: HeapGraph;
  readonly parentEdge: Int32Array;
  readonly parentNode: Int32Array;
  /** 1 where the node is reachable from the page's own roots. */
  readonly fromPage: Uint8Array;

  constructor(graph: HeapGraph, root = 0) {
    this.#graph = graph;
    const n = graph.nodeCount;
    this.parentEdge = new Int32Array(n).fill(-1);
    this.parentNode = new Int32Array(n).fill(-1);
    this.fromPage = new Uint8Array(n);
    const queue = new Int32Array(n);
    const seen = new Uint8Array(n);
    seen[root] = 1;
    const page: number[] = [];
    const synthetic: number[] = [];
    for (let e = graph.firstEdge[root]!; e < graph.firstEdge[root + 1]!; e++) {
      const to = graph.edgeTo(e);
      (graph.name(to).startsWith('(') ? synthetic : page).push(e);
    }
    let tail = 0;
    for (const [seeds, own] of [[page, 1], [synthetic, 0]] as const) {
      let head = tail;
      for (const e of seeds) {
        const to = graph.edgeTo(e);
        if (seen[to]) continue;
        seen[to] = 1;
        this.parentEdge[to] = e;
        this.parentNode[to] = root;
        this.fromPage[to] = own;
        queue[tail++] = to;
      }
      while (head < tail) {
        const node = queue[head++]!;
        for (let e = graph.firstEdge[node]!; e < graph.firstEdge[node + 1]!; e++) {
          if (graph.edgeTypeIndex(e) === graph.weakEdgeType) continue;
          const to = graph.edgeTo(e);
          if (seen[to]) continue;
          seen[to] = 1;
          this.parentEdge[to] = e;
          this.parentNode[to] = node;
          this.fromPage[to] = own;
          queue[tail++] = to;
        }
      }
    }
  }

  /** A node as a person reads it: `Window`, `HTMLElement <section>`, `Array`, `"text…"`. */
  label(node: number): string {
    const g = this.#graph;
    const type = g.type(node);
    const name = g.name(node);
    if (type === 'string' || type === 'concatenated string' || type === 'sliced string') return JSON.stringify(name.slice(0, 30));
    if (type === 'closure') return `${name || 'anonymous'}()`;
    const short = name.split(' / ')[0]!;
    return g.detachedness(node) === 2 ? `Detached ${short}` : short;
  }

  /** The chain of references from a page root to `node`, e.g. `Window.archivedCards → Array → (elements)[0] → HTMLElement`. */
  path(node: number, maxSteps = 24): string {
    if (this.parentEdge[node] === -1) return '(unreachable)';
    const steps: number[] = [];
    let at0 = node;
    for (; steps.length < maxSteps; at0 = this.parentNode[at0]!) {
      steps.push(this.parentEdge[at0]!);
      if (this.parentNode[at0]! <= 0) break;
    }
    const truncated = this.parentNode[at0]! > 0;
    steps.reverse();
    const g = this.#graph;
    let out = '';
    let at = g.edgeTo(steps[0]!);
    out = (truncated ? '… → ' : '') + this.label(at);
    for (let i = 1; i < steps.length; i++) {
      const e = steps[i]!;
      at = g.edgeTo(e);
      out += `${g.edgeLabel(e)} → ${this.label(at)}`;
    }
    return out;
  }
}
