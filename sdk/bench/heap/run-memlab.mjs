// The same three steps by memlab (@memlab/core), in a process of its own: parse, dominators and
// retained sizes, shortest paths. Prints {parseMs, dominatorsMs, pathsMs, peakRssMB} as JSON.
import memlab from '@memlab/core';

const { utils, TraceFinder, config } = memlab;
config.verbose = false;
config.muteConsole = true;
const file = process.argv[2];
let t = performance.now();
const snapshot = await utils.getSnapshotFromFile(file, { buildNodeIdIndex: true });
const parseMs = performance.now() - t;
const finder = new TraceFinder();
t = performance.now();
finder.calculateAllNodesRetainedSizes(snapshot);
const dominatorsMs = performance.now() - t;
t = performance.now();
finder.annotateShortestPaths(snapshot);
const pathsMs = performance.now() - t;
console.log(JSON.stringify({ nodes: snapshot.nodes.length, parseMs, dominatorsMs, pathsMs, peakRssMB: process.resourceUsage().maxRSS / 1024 }));
