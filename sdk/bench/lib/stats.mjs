// The statistics the benchmarks print: medians, and the paired comparison of two variants measured
// round by round in the same run. One module, so that a figure pooled from several runs (demo-pool.mjs)
// is computed exactly as the run that printed it.

/** The middle value of `xs` (the upper one of an even count); NaN when there is none. */
export function median(xs) {
  return quantile(xs, 0.5);
}

/** The value below which a fraction `q` of `xs` lies (nearest rank, no interpolation); NaN when there is none. */
export function quantile(xs, q) {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/**
 * One variant against another, both measured in each round: `withMs[i]` and `withoutMs[i]` ran back to
 * back, so their ratio cancels the slow drift of this shared machine. The median of those paired ratios
 * is the figure to judge, the quartiles its spread. How far that median could move by chance: a
 * percentile bootstrap (2,000 resamples of the rounds, fixed seed so a rerun of the same numbers prints
 * the same interval).
 * @param {number[]} withMs
 * @param {number[]} withoutMs the same rounds, in the same order
 */
export function compare(withMs, withoutMs) {
  if (withMs.length !== withoutMs.length || withMs.length === 0) {
    throw new Error(`compare needs the same rounds of both variants, not ${withMs.length} against ${withoutMs.length}.`);
  }
  const paired = withMs.map((w, i) => w / withoutMs[i]);
  let seed = 1;
  const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  const resampled = Array.from({ length: 2000 }, () => median(paired.map(() => paired[Math.floor(random() * paired.length)])));
  return {
    medianMs: { with: median(withMs), without: median(withoutMs) },
    ratio: median(paired),
    interval: [quantile(resampled, 0.025), quantile(resampled, 0.975)],
    quartiles: [quantile(paired, 0.25), quantile(paired, 0.75)],
  };
}
