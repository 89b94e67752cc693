// npm run bench [-- name ...]: runs the named benchmarks (all when none is named).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const BENCHES = {
  sample: 'sdk/bench/sample.bench.mjs',
  react: 'sdk/bench/react.bench.mjs',
  demo: 'sdk/bench/demo.bench.mjs',
  // Not a measurement: pools the demo runs in git history that measured the same code (after `demo`, so it takes in a new run).
  'demo-pool': 'sdk/bench/demo-pool.mjs',
  heap: 'sdk/bench/heap.bench.mjs',
  size: 'sdk/scripts/size.mjs',
};
const names = process.argv.slice(2);
for (const name of names) {
  if (!(name in BENCHES)) {
    console.error(`Unknown benchmark "${name}". Known: ${Object.keys(BENCHES).join(', ')}.`);
    process.exit(2);
  }
}
const root = resolve(import.meta.dirname, '..');
// The benchmarks measure what users get: the built SDK, and the built demo.
const built = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
for (const name of names.length ? names : Object.keys(BENCHES)) {
  console.log(`\n== ${name}`);
  const run = spawnSync(process.execPath, [BENCHES[name]], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
