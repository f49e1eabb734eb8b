/**
 * Exact percentile by the nearest-rank method over all samples: the smallest sample such
 * that at least p % of the samples are less than or equal to it. No interpolation, no
 * histogram buckets.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new RangeError('no samples');
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100]: ${p}`);
  const sorted = Float64Array.from(samples).sort();
  return sorted[Math.ceil((p / 100) * sorted.length) - 1]!;
}

/** Milliseconds between two process.hrtime.bigint() readings. */
export const elapsedMs = (startNs: bigint, endNs: bigint): number => Number(endNs - startNs) / 1e6;

export const roundTo = (value: number, digits: number): number => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

/**
 * A figure over its reference measured in the same run, to 3 digits: machines differ by
 * 20-30 %, ratios much less, so ratios are what the benches hold.
 */
export const ratio = (figure: number, reference: number): number => roundTo(figure / reference, 3);
