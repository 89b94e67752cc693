// Runs of the demo bench (bench-results/demo.json, one per commit that recorded one), and how several
// of them pool into one figure. One run of 120 rounds cannot tell 1.03 from 1.05 on this machine; runs
// of the same code, pooled round by round, can narrow that. Pure functions: demo-pool.mjs reads git.
import { createHash } from 'node:crypto';
import { compare } from './stats.mjs';

/**
 * @typedef {{ with: number[], without: number[], bippy: number[] }} VariantTimes
 * @typedef {{ code?: string, times?: VariantTimes, secondRunTimes?: VariantTimes }} DemoResult
 * @typedef {{ commit: string, date: string, result: DemoResult }} DemoRun `commit` is "working tree" for a run not yet committed.
 */

/**
 * What a demo run measured, as a short hash: every text the pages ran (the demo's built files with
 * Memscope's installer inline, the peer's script, the interaction). Runs with the same fingerprint ran
 * the same code, so they may be pooled; a comment-only change to the sources leaves it as it was.
 * @param {string[]} texts
 */
export function codeFingerprint(texts) {
  const hash = createHash('sha256');
  for (const text of texts) hash.update(`${text.length}:`).update(text);
  return hash.digest('hex').slice(0, 16);
}

/**
 * The runs to pool, newest first: those whose commits are `named` (hash prefixes), or else every run
 * with the newest run's code fingerprint.
 * @param {DemoRun[]} runs newest first; runs without per-round times are left out
 * @param {string[]} named
 * @returns {DemoRun[]}
 */
export function selectRuns(runs, named) {
  const timed = runs.filter((run) => run.result.times?.with?.length);
  if (timed.length === 0) throw new Error('No demo bench run with per-round times found. Run one: npm run bench -- demo');
  if (named.length) {
    const chosen = new Set(
      named.map((name) => {
        const matches = timed.filter((run) => run.commit.startsWith(name));
        if (matches.length !== 1) {
          throw new Error(`"${name}" names ${matches.length} demo runs, not one. Name a commit that changed bench-results/demo.json (git log -- bench-results/demo.json).`);
        }
        return matches[0];
      }),
    );
    // In history's order, whatever the names' order: the bootstrap's resamples, and so the interval, follow the order of the rounds.
    return timed.filter((run) => chosen.has(run));
  }
  const code = timed[0].result.code;
  if (!code) {
    throw new Error(
      `The newest demo run (${timed[0].commit}) records no code fingerprint: it was made before runs recorded one, so it cannot be matched with runs of the same code. ` +
        'Name the runs to pool: MEMSCOPE_DEMO_POOL=<commit>,<commit> npm run bench -- demo-pool',
    );
  }
  return timed.filter((run) => run.result.code === code);
}

/**
 * Memscope (`with`) and the peer (`bippy`), and the floor where the run had one, each against the page
 * without instrumentation, over the given rounds: what demo.bench.mjs prints for each measure, and what
 * the pool prints for each run.
 * @param {VariantTimes & { floor?: number[] }} times
 */
export function againstUninstrumented(times) {
  return {
    memscope: compare(times.with, times.without),
    peer: compare(times.bippy, times.without),
    ...(times.floor && { floor: compare(times.floor, times.without) }),
  };
}

/**
 * One comparison as demo.json and demo-pool.json keep it.
 * @param {ReturnType<typeof compare>} comparison
 */
export function saved({ medianMs, ratio, interval, quartiles }) {
  return { medianMs, ratio, ratioInterval95: interval, ratioQuartiles: quartiles };
}

/** Every run's rounds of one measure laid end to end, as if one long run: pooling is that, nothing more. */
function concatenated(timesList) {
  return { with: timesList.flatMap((t) => t.with), without: timesList.flatMap((t) => t.without), bippy: timesList.flatMap((t) => t.bippy) };
}

/**
 * Each run's figures, and all of them pooled: the interaction's first run (the judged figure) and its
 * second run in the same page, where a run recorded one.
 * @param {DemoRun[]} runs
 */
export function poolRuns(runs) {
  const perRun = runs.map((run) => ({
    run,
    rounds: run.result.times.with.length,
    first: againstUninstrumented(run.result.times),
    second: run.result.secondRunTimes ? againstUninstrumented(run.result.secondRunTimes) : undefined,
  }));
  const seconds = runs.map((run) => run.result.secondRunTimes).filter(Boolean);
  return {
    perRun,
    pooled: {
      rounds: perRun.reduce((sum, r) => sum + r.rounds, 0),
      first: againstUninstrumented(concatenated(runs.map((run) => run.result.times))),
      secondRounds: seconds.reduce((sum, t) => sum + t.with.length, 0),
      second: seconds.length ? againstUninstrumented(concatenated(seconds)) : undefined,
    },
  };
}
