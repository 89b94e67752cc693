import type { HeapGraph } from './graph.js';

/** Immediate dominators and retained sizes of every node reachable from the root. */
export interface Dominators {
  /** Immediate dominator of each node (by node index); -1 for the root and unreachable nodes. */
  idom: Int32Array;
  /** Bytes freed if the node were collected: its own size plus all it dominates. */
  retained: Float64Array;
}

/**
 * Lengauer–Tarjan (with path compression), iterative throughout so that million-node chains do not
 * overflow the stack, over typed arrays. Weak edges are ignored, as garbage collection ignores them.
 */
export function computeDominators(graph: HeapGraph, root = 0): Dominators {
  const n = graph.nodeCount;
  const weak = graph.weakEdgeType;
  const { firstEdge } = graph;
  const dfn = new Int32Array(n).fill(-1);
  const vertex = new Int32Array(n);
  const parent = new Int32Array(n);
  const stackNode = new Int32Array(n);
  const stackEdge = new Uint32Array(n);
  let count = 0;
  let sp = 0;
  dfn[root] = 0;
  vertex[0] = root;
  count = 1;
  stackNode[0] = root;
  stackEdge[0] = firstEdge[root]!;
  sp = 1;
  while (sp > 0) {
    const node = stackNode[sp - 1]!;
    const e = stackEdge[sp - 1]!;
    if (e < firstEdge[node + 1]!) {
      stackEdge[sp - 1] = e + 1;
      if (graph.edgeTypeIndex(e) === weak) continue;
      const to = graph.edgeTo(e);
      if (dfn[to] !== -1) continue;
      dfn[to] = count;
      vertex[count] = to;
      parent[count] = dfn[node]!;
      count++;
      stackNode[sp] = to;
      stackEdge[sp] = firstEdge[to]!;
      sp++;
    } else sp--;
  }

  // From here on, nodes are named by DFS number (0..count-1).
  const semi = new Int32Array(count);
  const label = new Int32Array(count);
  const ancestor = new Int32Array(count).fill(-1);
  const idom = new Int32Array(count);
  const bucketHead = new Int32Array(count).fill(-1);
  const bucketNext = new Int32Array(count).fill(-1);
  const chain = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    semi[i] = i;
    label[i] = i;
  }
  const evaluate = (v: number): number => {
    if (ancestor[v] === -1) return v;
    // Path compression, without recursion: walk up, then fix labels from the top down.
    let depth = 0;
    let u = v;
    while (ancestor[ancestor[u]!] !== -1) {
      chain[depth++] = u;
      u = ancestor[u]!;
    }
    while (depth > 0) {
      const x = chain[--depth]!;
      const a = ancestor[x]!;
      if (semi[label[a]!]! < semi[label[x]!]!) label[x] = label[a]!;
      ancestor[x] = ancestor[a]!;
    }
    return label[v]!;
  };
  const { start, edge, from } = graph.retainers();
  for (let w = count - 1; w > 0; w--) {
    const node = vertex[w]!;
    for (let r = start[node]!; r < start[node + 1]!; r++) {
      if (graph.edgeTypeIndex(edge[r]!) === weak) continue;
      const v = dfn[from[r]!]!;
      if (v === -1) continue;
      const u = evaluate(v);
      if (semi[u]! < semi[w]!) semi[w] = semi[u]!;
    }
    bucketNext[w] = bucketHead[semi[w]!]!;
    bucketHead[semi[w]!] = w;
    const p = parent[w]!;
    ancestor[w] = p;
    for (let v = bucketHead[p]!; v !== -1; v = bucketNext[v]!) {
      const u = evaluate(v);
      idom[v] = semi[u]! < semi[v]! ? u : p;
    }
    bucketHead[p] = -1;
  }
  for (let w = 1; w < count; w++) if (idom[w] !== semi[w]) idom[w] = idom[idom[w]!]!;

  const retainedByDfn = new Float64Array(count);
  for (let w = 0; w < count; w++) retainedByDfn[w] = graph.selfSize(vertex[w]!);
  // A dominator always has a smaller DFS number than the nodes it dominates.
  for (let w = count - 1; w > 0; w--) retainedByDfn[idom[w]!]! += retainedByDfn[w]!;

  const idomByNode = new Int32Array(n).fill(-1);
  const retained = new Float64Array(n);
  for (let w = 0; w < count; w++) {
    retained[vertex[w]!] = retainedByDfn[w]!;
    if (w > 0) idomByNode[vertex[w]!] = vertex[idom[w]!]!;
  }
  return { idom: idomByNode, retained };
}
