import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import { diffSnapshots, loadSnapshot, summarize } from './analyze.js';
import type { LoadedSnapshot } from './analyze.js';
import { computeDominators } from './dominators.js';
import { HeapGraph } from './graph.js';
import { RetainerPaths } from './paths.js';
import { StringTable } from './strings.js';
import type { RawSnapshot } from './parser.js';

/** A tiny snapshot: nodes [name, size, type (object by default)], edges [from, to, type]. Node 0 is the root. */
function tiny(nodes: [string, number, ('object' | 'native')?][], edges: [number, number, 'property' | 'weak'][]): HeapGraph {
  const strings = new StringTable();
  const names = [...new Set(nodes.map(([n]) => n).concat(['e']))];
  for (const s of names) strings.push(Buffer.from(s), false);
  const F = 5;
  const raw: RawSnapshot = {
    meta: {
      node_fields: ['type', 'name', 'id', 'self_size', 'edge_count'],
      node_types: [['hidden', 'object', 'native']],
      edge_fields: ['type', 'name_or_index', 'to_node'],
      edge_types: [['property', 'weak']],
    },
    nodeCount: nodes.length,
    edgeCount: edges.length,
    nodes: new Uint32Array(nodes.length * F),
    edges: new Uint32Array(edges.length * 3),
    strings,
  };
  nodes.forEach(([name, size, type = 'object'], i) => {
    raw.nodes.set([type === 'native' ? 2 : 1, names.indexOf(name), i * 2 + 1, size, edges.filter(([f]) => f === i).length], i * F);
  });
  [...edges].sort((a, b) => a[0] - b[0]).forEach(([, to, type], k) => raw.edges.set([type === 'weak' ? 1 : 0, names.indexOf('e'), to * F], k * 3));
  return new HeapGraph(raw);
}

describe('dominators (Lengauer–Tarjan)', () => {
  it('finds immediate dominators and retained sizes on a graph with a diamond and a weak edge', () => {
    //   0 → 1 → 2 → 4
    //        ↘ 3 ↗     (4 has two retainers: 2 and 3, both under 1)
    //   0 → 5 ⇢ 4 (weak: ignored)
    const g = tiny(
      [['root', 0], ['a', 10], ['b', 20], ['c', 30], ['d', 40], ['e', 50]],
      [[0, 1, 'property'], [0, 5, 'property'], [1, 2, 'property'], [1, 3, 'property'], [2, 4, 'property'], [3, 4, 'property'], [5, 4, 'weak']],
    );
    const { idom, retained } = computeDominators(g);
    expect(Array.from(idom)).toEqual([-1, 0, 1, 1, 1, 0]);
    expect(retained[4]).toBe(40);
    expect(retained[1]).toBe(10 + 20 + 30 + 40);
    expect(retained[0]).toBe(150);
  });
});

describe('snapshot diff', () => {
  it("names what the page allocated, not V8's own bookkeeping objects that came with it", () => {
    const load = (graph: HeapGraph): LoadedSnapshot => ({ graph, dominators: computeDominators(graph), paths: new RetainerPaths(graph) });
    const baseline = load(tiny([['root', 0], ['Window / https://app', 10]], [[0, 1, 'property']]));
    // Node ids follow node order, so the first two nodes are the baseline's own.
    const final = load(
      tiny(
        [['root', 0], ['Window / https://app', 10], ['Leaky', 100], ['system / DependentCode', 40, 'native'], ['system / PropertyCell', 16, 'native']],
        [[0, 1, 'property'], [1, 2, 'property'], [1, 4, 'property'], [2, 3, 'property']],
      ),
    );
    expect(diffSnapshots(baseline, final).added.map((row) => [row.name, row.count])).toEqual([['Leaky', 1]]);
  });
});

const dir = mkdtempSync(join(tmpdir(), 'memscope-analyze-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

class RetainedForAnalysisTest {
  payload = new Array(64).fill(1.5);
}
const holder: { leaked: RetainedForAnalysisTest[] } = { leaked: [] };
(globalThis as { memscopeTestHolder?: unknown }).memscopeTestHolder = holder;

describe('analysis of a real snapshot', () => {
  it('summarises by constructor, with the root retaining everything reachable', async () => {
    const before = await loadSnapshot(writeHeapSnapshot(join(dir, 'a.heapsnapshot')));
    const summary = summarize(before);
    const reachable = before.dominators.retained[0]!;
    expect(reachable).toBeGreaterThan(0);
    expect(reachable).toBeLessThanOrEqual(summary.totalSize);
    expect(summary.constructors.length).toBeGreaterThan(5);
    expect(summary.constructors[0]!.retainedSize).toBeGreaterThanOrEqual(summary.constructors[1]!.retainedSize);
  });

  it('diffs by node id and names what was added, with the path that keeps it', async () => {
    const baseline = await loadSnapshot(writeHeapSnapshot(join(dir, 'b.heapsnapshot')));
    for (let i = 0; i < 40; i++) holder.leaked.push(new RetainedForAnalysisTest());
    const final = await loadSnapshot(writeHeapSnapshot(join(dir, 'c.heapsnapshot')));
    const diff = diffSnapshots(baseline, final);
    const row = diff.added.find((r) => r.name === 'RetainedForAnalysisTest');
    expect(row?.count).toBe(40);
    expect(row!.retainers).toMatch(/\.leaked → Array(\[\d+\]| → \(elements\)\[\d+\]) → RetainedForAnalysisTest$/);
    const grown = diff.grownCollections.find((c) => c.retainers.endsWith('.leaked → Array'));
    expect(grown && grown.after - grown.before).toBeGreaterThanOrEqual(40);
  });
});
