import { computeDominators } from './dominators.js';
import type { Dominators } from './dominators.js';
import { HeapGraph } from './graph.js';
import { parseSnapshotFile } from './parser.js';
import { RetainerPaths } from './paths.js';

/** A loaded snapshot with what the analyses need. */
export interface LoadedSnapshot {
  graph: HeapGraph;
  dominators: Dominators;
  paths: RetainerPaths;
}

/** One row of a summary or a diff, by constructor. */
export interface ConstructorRow {
  name: string;
  type: string;
  count: number;
  selfSize: number;
  retainedSize: number;
  /** A sample node's retainer path (the one retaining the most). */
  retainers?: string;
}

/** What `summarize` returns. */
export interface SnapshotSummary {
  nodes: number;
  edges: number;
  totalSize: number;
  constructors: ConstructorRow[];
  detached: ConstructorRow[];
}

const GROUPED_TYPES = new Set(['object', 'closure', 'native', 'regexp']);
/**
 * V8's own bookkeeping (property cells, dependent-code lists, maps) comes as `native` nodes named
 * `system / …` in Chromium's snapshots. New ones appear whenever code is compiled or a shape changes;
 * they are not something the page allocated, so a diff does not name them.
 */
const V8_INTERNAL = 'system / ';

/** Options of `loadSnapshot`. */
export interface LoadOptions {
  /**
   * Count what Memscope and React's DevTools hook hold (`window.__MEMSCOPE__`, `__MEMSCOPE_REACT__`,
   * `__REACT_DEVTOOLS_GLOBAL_HOOK__`) as the page's. Off by default: in an app's leak test those are
   * the measuring instruments, not the app. On to measure the instruments themselves.
   */
  countInstruments?: boolean;
}

/** Parses a file and prepares dominators and retainer paths. */
export async function loadSnapshot(path: string, options: LoadOptions = {}): Promise<LoadedSnapshot> {
  const graph = new HeapGraph(await parseSnapshotFile(path));
  return { graph, dominators: computeDominators(graph), paths: new RetainerPaths(graph, 0, options.countInstruments ?? false) };
}

function group(snapshot: LoadedSnapshot, nodes: Iterable<number>, withPaths: boolean): ConstructorRow[] {
  const { graph, dominators } = snapshot;
  const rows = new Map<string, ConstructorRow & { sample: number }>();
  for (const node of nodes) {
    const type = graph.type(node);
    const name = GROUPED_TYPES.has(type) ? snapshot.paths.label(node).replace(/^Detached /, '') : `(${type})`;
    const key = `${type}\u0000${name}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { name, type, count: 0, selfSize: 0, retainedSize: 0, sample: node }));
    row.count++;
    row.selfSize += graph.selfSize(node);
    const retained = dominators.retained[node]!;
    row.retainedSize += retained;
    if (retained > dominators.retained[row.sample]!) row.sample = node;
  }
  return [...rows.values()].map(({ sample, ...row }) => (withPaths ? { ...row, retainers: snapshot.paths.path(sample) } : row));
}

/** Summary by constructor (count, shallow and retained size) and the detached DOM nodes. */
export function summarize(snapshot: LoadedSnapshot, top = 30): SnapshotSummary {
  const { graph } = snapshot;
  // Every node index, 4 bytes each: a plain array of millions of numbers would cost twice that and grow by copying.
  const all = new Uint32Array(graph.nodeCount);
  const detached: number[] = [];
  let totalSize = 0;
  for (let i = 0; i < graph.nodeCount; i++) {
    totalSize += graph.selfSize(i);
    all[i] = i;
    if (graph.detachedness(i) === 2) detached.push(i);
  }
  // Retained sizes of a group double-count nested members; ranking by them is still what a person wants.
  const constructors = group(snapshot, all, false).sort((a, b) => b.retainedSize - a.retainedSize).slice(0, top);
  return { nodes: graph.nodeCount, edges: graph.edgeCount, totalSize, constructors, detached: group(snapshot, detached, true).sort((a, b) => b.count - a.count) };
}

function idSet(graph: HeapGraph): Uint32Array {
  const ids = new Uint32Array(graph.nodeCount);
  for (let i = 0; i < graph.nodeCount; i++) ids[i] = graph.id(i);
  return ids.sort();
}

function has(sorted: Uint32Array, id: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v === id) return true;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** What a diff finds: objects allocated after the baseline and still alive, by constructor. */
export interface SnapshotDiff {
  /** New objects kept alive by the page (not only by DevTools or the protocol), by constructor. */
  added: ConstructorRow[];
  /** New detached DOM nodes, by element name. */
  detached: ConstructorRow[];
  /** Maps, Sets and Arrays alive in both snapshots whose entries grew. */
  grownCollections: { name: string; before: number; after: number; retainers: string }[];
}

function entries(graph: HeapGraph, node: number): number {
  // A Map or Set keeps its entries in a backing table; an Array in its elements store.
  for (let e = graph.firstEdge[node]!; e < graph.firstEdge[node + 1]!; e++) {
    const label = graph.edgeLabel(e);
    if (label === '(table)' || label === '(elements)') {
      const store = graph.edgeTo(e);
      return graph.firstEdge[store + 1]! - graph.firstEdge[store]!;
    }
  }
  return 0;
}

const COLLECTIONS = new Set(['Map', 'Set', 'Array']);

/**
 * Objects allocated after `baseline` and still alive in `final`. With `target` (as memlab does), only
 * those allocated between `baseline` and `target` that survive to `final`: what a repeated action left
 * behind, not what the last run has not yet released.
 */
export function diffSnapshots(baseline: LoadedSnapshot, final: LoadedSnapshot, target?: LoadedSnapshot): SnapshotDiff {
  const before = idSet(baseline.graph);
  const middle = target ? idSet(target.graph) : undefined;
  const { graph, paths } = final;
  const added: number[] = [];
  const detached: number[] = [];
  // By name index: a large diff meets the same few internal names millions of times.
  const internal = new Map<number, boolean>();
  const isInternal = (name: number): boolean => {
    let known = internal.get(name);
    if (known === undefined) internal.set(name, (known = graph.strings.get(name).startsWith(V8_INTERNAL)));
    return known;
  };
  for (let i = 1; i < graph.nodeCount; i++) {
    const id = graph.id(i);
    if (has(before, id) || (middle && !has(middle, id))) continue;
    if (!paths.fromPage[i]) continue;
    if (graph.detachedness(i) === 2) detached.push(i);
    else if (GROUPED_TYPES.has(graph.type(i)) && !isInternal(graph.nameIndex(i))) added.push(i);
  }
  const baseById = new Map<number, number>();
  for (let i = 0; i < baseline.graph.nodeCount; i++) {
    if (COLLECTIONS.has(baseline.graph.name(i)) && baseline.graph.type(i) === 'object') baseById.set(baseline.graph.id(i), i);
  }
  const grownCollections: SnapshotDiff['grownCollections'] = [];
  for (let i = 0; i < graph.nodeCount; i++) {
    if (graph.type(i) !== 'object' || !COLLECTIONS.has(graph.name(i)) || !paths.fromPage[i]) continue;
    const old = baseById.get(graph.id(i));
    if (old === undefined) continue;
    const was = entries(baseline.graph, old);
    const now = entries(graph, i);
    if (now > was) grownCollections.push({ name: graph.name(i), before: was, after: now, retainers: paths.path(i) });
  }
  grownCollections.sort((a, b) => b.after - b.before - (a.after - a.before));
  return {
    added: group(final, added, true).sort((a, b) => b.retainedSize - a.retainedSize),
    detached: group(final, detached, true).sort((a, b) => b.count - a.count),
    grownCollections: grownCollections.slice(0, 20),
  };
}
