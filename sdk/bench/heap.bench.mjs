// npm run bench -- heap: Memscope's snapshot analysis against memlab's (@memlab/core) on the same
// snapshots (~50, ~200 and ~600 MB, made by this script and cached), each analysis in a fresh process:
// parse, dominators with retained sizes, shortest retainer paths; wall time and peak RSS.
// Prints a table; writes bench-results/heap.json.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const CACHE = join(ROOT, 'node_modules/.cache/memscope-heap-bench');
const SIZES = (process.env.MEMSCOPE_HEAP_BENCH_SIZES ?? '50,200,600').split(',').map(Number);
const NODE = [process.execPath, '--max-old-space-size=16000'];

mkdirSync(CACHE, { recursive: true });
const run = (script, file) => {
  const started = Date.now();
  const out = execFileSync(NODE[0], [...NODE.slice(1), join(import.meta.dirname, 'heap', script), file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return { wallMs: Date.now() - started, ...JSON.parse(out.trim().split('\n').pop()) };
};

const rows = [];
for (const mb of SIZES) {
  const file = join(CACHE, `snapshot-${mb}.heapsnapshot`);
  if (!existsSync(file)) {
    process.stdout.write(`making a ~${mb} MB snapshot… `);
    execFileSync(NODE[0], [...NODE.slice(1), join(import.meta.dirname, 'heap/make-snapshot.mjs'), String(mb), file], { stdio: 'inherit' });
    console.log('done');
  }
  const size = statSync(file).size;
  const ours = run('run-memscope.mjs', file);
  const theirs = run('run-memlab.mjs', file);
  rows.push({ file: `${(size / 1024 / 1024).toFixed(0)} MB`, nodes: ours.nodes, memscope: ours, memlab: theirs });
}

const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
console.log('\nHeap snapshot analysis (parse + dominators/retained sizes + shortest paths), one fresh process each\n');
console.log('| snapshot | nodes | memscope (parse / dominators / paths) | memscope wall, peak RSS | memlab (parse / dominators / paths) | memlab wall, peak RSS | speed-up | memory ratio |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  const m = r.memscope;
  const l = r.memlab;
  console.log(
    `| ${r.file} | ${r.nodes.toLocaleString('en-US')} | ${s(m.parseMs)} / ${s(m.dominatorsMs)} / ${s(m.pathsMs)} | ${s(m.wallMs)}, ${m.peakRssMB.toFixed(0)} MB | ` +
      `${s(l.parseMs)} / ${s(l.dominatorsMs)} / ${s(l.pathsMs)} | ${s(l.wallMs)}, ${l.peakRssMB.toFixed(0)} MB | ${(l.wallMs / m.wallMs).toFixed(1)}x | ${(m.peakRssMB / l.peakRssMB).toFixed(2)}x |`,
  );
}
mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(join(ROOT, 'bench-results/heap.json'), JSON.stringify(rows, null, 2) + '\n');
