export { SnapshotParser, parseSnapshotFile } from './parser.js';
export type { RawSnapshot, SnapshotMeta } from './parser.js';
export { HeapGraph } from './graph.js';
export { computeDominators } from './dominators.js';
export type { Dominators } from './dominators.js';
export { RetainerPaths } from './paths.js';
export { loadSnapshot, summarize, diffSnapshots } from './analyze.js';
export type { ConstructorRow, LoadedSnapshot, LoadOptions, SnapshotDiff, SnapshotSummary } from './analyze.js';
export { HeapSnapshotError } from './errors.js';
