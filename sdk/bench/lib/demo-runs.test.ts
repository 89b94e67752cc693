import { describe, expect, it } from 'vitest';
import { codeFingerprint, poolRuns, selectRuns } from './demo-runs.mjs';
import { compare } from './stats.mjs';

/** A run of `rounds` rounds whose Memscope page takes `factor` times the page without instrumentation. */
function run(commit: string, code: string | undefined, factor: number, rounds = 9, second = true) {
  const without = Array.from({ length: rounds }, (_, i) => 500 + 10 * i);
  const times = { without, with: without.map((ms, i) => ms * factor * (1 + (i % 3) / 100)), bippy: without.map((ms) => ms * 1.2) };
  return { commit, date: '2026-12-07', result: { code, times, secondRunTimes: second ? times : undefined } };
}

describe('compare', () => {
  it('judges the median of the paired ratios and prints the same interval for the same numbers', () => {
    const a = compare([110, 220, 330], [100, 200, 300]);
    expect(a.ratio).toBeCloseTo(1.1);
    expect(a.medianMs).toEqual({ with: 220, without: 200 });
    expect(compare([110, 220, 330], [100, 200, 300]).interval).toEqual(a.interval);
  });

  it('refuses rounds of one variant that the other does not have', () => {
    expect(() => compare([1, 2], [1])).toThrow(/same rounds of both variants, not 2 against 1/);
    expect(() => compare([], [])).toThrow(/not 0 against 0/);
  });
});

describe('selectRuns', () => {
  it('pools by default the runs that share the newest run’s code fingerprint', () => {
    const runs = [run('working tree', 'aaa', 1.02), run('c3', 'bbb', 1.05), run('c2', 'aaa', 1.03), run('c1', undefined, 1.04)];
    expect(selectRuns(runs, []).map((r) => r.commit)).toEqual(['working tree', 'c2']);
  });

  it('takes the runs named by commit prefix, whatever their fingerprints, in the order of history', () => {
    const runs = [run('abc123', undefined, 1.02), run('def456', 'x', 1.05), run('abd789', undefined, 1.03)];
    expect(selectRuns(runs, ['abd', 'def']).map((r) => r.commit)).toEqual(['def456', 'abd789']);
  });

  it('says how to name the runs when a name matches none or several, or the newest run has no fingerprint', () => {
    const runs = [run('abc123', undefined, 1.02), run('abd789', undefined, 1.03)];
    expect(() => selectRuns(runs, ['ab'])).toThrow(/"ab" names 2 demo runs, not one.*git log -- bench-results\/demo.json/);
    expect(() => selectRuns(runs, ['fff'])).toThrow(/"fff" names 0 demo runs/);
    expect(() => selectRuns(runs, [])).toThrow(/abc123\) records no code fingerprint.*MEMSCOPE_DEMO_POOL=<commit>,<commit>/);
  });

  it('leaves out runs recorded before per-round times were kept', () => {
    const old = { commit: 'old', date: '2026-11-01', result: { code: 'aaa' } };
    expect(selectRuns([run('new', 'aaa', 1.02), old], []).map((r) => r.commit)).toEqual(['new']);
    expect(() => selectRuns([old], [])).toThrow(/No demo bench run with per-round times/);
  });
});

describe('poolRuns', () => {
  it('pools runs as one long run of all their rounds, and reports each run on its own', () => {
    const runs = [run('b', 'x', 1.01, 7), run('a', 'x', 1.05, 11, false)];
    const { perRun, pooled } = poolRuns(runs);
    expect(perRun.map((r) => r.rounds)).toEqual([7, 11]);
    const [newest, oldest] = [perRun[0]!, perRun[1]!];
    expect(newest.first.memscope).toEqual(compare(runs[0]!.result.times.with, runs[0]!.result.times.without));
    expect(oldest.second).toBeUndefined();
    const all = (key: 'with' | 'without') => runs.flatMap((r) => r.result.times[key]);
    expect(pooled.rounds).toBe(18);
    expect(pooled.first.memscope).toEqual(compare(all('with'), all('without')));
    expect(pooled.first.peer.ratio).toBeCloseTo(1.2);
    // Only the first run recorded a second run of the interaction.
    expect(pooled.secondRounds).toBe(7);
    expect(pooled.second?.memscope).toEqual(newest.second?.memscope);
  });
});

describe('codeFingerprint', () => {
  it('is the same for the same texts and differs when a text changes or a boundary moves', () => {
    expect(codeFingerprint(['ab', 'c'])).toBe(codeFingerprint(['ab', 'c']));
    expect(codeFingerprint(['ab', 'c'])).not.toBe(codeFingerprint(['a', 'bc']));
    expect(codeFingerprint(['ab', 'c'])).not.toBe(codeFingerprint(['ab', 'd']));
    expect(codeFingerprint(['ab'])).toMatch(/^[0-9a-f]{16}$/);
  });
});
