// One analysis of one snapshot by Memscope, in a process of its own: parse, dominators, retainer paths.
// Prints {parseMs, dominatorsMs, pathsMs, peakRssMB} as JSON.
import { parseSnapshotFile, HeapGraph, computeDominators, RetainerPaths } from '../../dist/heap/index.js';

const file = process.argv[2];
let t = performance.now();
const graph = new HeapGraph(await parseSnapshotFile(file));
const parseMs = performance.now() - t;
t = performance.now();
const { retained } = computeDominators(graph);
const dominatorsMs = performance.now() - t;
t = performance.now();
const paths = new RetainerPaths(graph);
const pathsMs = performance.now() - t;
if (!(retained[0] > 0) || paths.parentNode.length !== graph.nodeCount) throw new Error('analysis produced nothing');
console.log(JSON.stringify({ nodes: graph.nodeCount, parseMs, dominatorsMs, pathsMs, peakRssMB: process.resourceUsage().maxRSS / 1024 }));
