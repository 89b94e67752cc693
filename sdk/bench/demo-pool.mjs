// npm run bench -- demo-pool: pools the runs of the demo bench that measured the same code, round by
// round, into one figure with its 95% interval. Every run is read from git history (each commit that
// changed bench-results/demo.json) and from the working tree, when its demo.json is not yet committed.
// By default it pools the runs whose code fingerprint (see lib/demo-runs.mjs) matches the newest run's;
// MEMSCOPE_DEMO_POOL=<commit>,<commit> names the runs instead, for runs made before fingerprints were
// recorded. Prints a table; writes bench-results/demo-pool.json.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { poolRuns, saved, selectRuns } from './lib/demo-runs.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const FILE = 'bench-results/demo.json';
const git = (...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });

/** A demo.json as text, parsed; a run whose file does not parse is reported, never silently pooled. */
function parsed(text, where) {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${FILE} at ${where} is not JSON (${error.message}). Restore it from git, or rerun: npm run bench -- demo`);
  }
}

const runs = git('log', '--format=%H %cs', '--', FILE)
  .trim()
  .split('\n')
  .filter(Boolean)
  .map((line) => {
    const [commit, date] = line.split(' ');
    return { commit, date, result: parsed(git('show', `${commit}:${FILE}`), commit) };
  });
const working = join(ROOT, FILE);
if (existsSync(working)) {
  const text = readFileSync(working, 'utf8');
  if (!runs.length || text !== git('show', `HEAD:${FILE}`)) runs.unshift({ commit: 'working tree', date: 'now', result: parsed(text, 'the working tree') });
}

const named = (process.env.MEMSCOPE_DEMO_POOL ?? '').split(/[\s,]+/).filter(Boolean);
let selected;
try {
  selected = selectRuns(runs, named);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const { perRun, pooled } = poolRuns(selected);

const fixed = (x) => x.toFixed(3);
const ratio = (c) => (c ? `${fixed(c.ratio)} (${fixed(c.interval[0])} to ${fixed(c.interval[1])})` : 'not recorded');
const short = (commit) => (commit === 'working tree' ? commit : commit.slice(0, 7));
console.log(
  `\nDemo interaction, ${selected.length} run${selected.length === 1 ? '' : 's'} ` +
    (named.length ? 'named in MEMSCOPE_DEMO_POOL' : `of the same code (fingerprint ${selected[0].result.code})`) +
    ', pooled round by round (each ratio: median of paired rounds, its 95% bootstrap interval)\n',
);
console.log('| run | date | rounds | without instrumentation (median) | Memscope, first run (the goal: ≤ 1.03) | Memscope, second run | the peer, first run |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const r of perRun) {
  console.log(`| ${short(r.run.commit)} | ${r.run.date} | ${r.rounds} | ${r.first.memscope.medianMs.without.toFixed(0)} ms | ${ratio(r.first.memscope)} | ${ratio(r.second?.memscope)} | ${ratio(r.first.peer)} |`);
}
console.log(
  `| **pooled** | | ${pooled.rounds} (second run ${pooled.secondRounds}) | ${pooled.first.memscope.medianMs.without.toFixed(0)} ms | **${ratio(pooled.first.memscope)}** | ${ratio(pooled.second?.memscope)} | ${ratio(pooled.first.peer)} |`,
);

const figures = ({ first, second }) => ({
  firstRun: { memscope: saved(first.memscope), peer: saved(first.peer) },
  secondRun: second && { memscope: saved(second.memscope), peer: saved(second.peer) },
});
writeFileSync(
  join(ROOT, 'bench-results/demo-pool.json'),
  JSON.stringify(
    {
      selectedBy: named.length ? { commits: named } : { code: selected[0].result.code },
      runs: perRun.map((r) => ({ commit: r.run.commit, date: r.run.date, rounds: r.rounds, ...figures(r) })),
      pooled: { rounds: pooled.rounds, secondRunRounds: pooled.secondRounds, ...figures(pooled) },
    },
    null,
    2,
  ) + '\n',
);
