import fc from 'fast-check';
import { percentile } from '../src/percentile.js';

describe('bench percentile (nearest rank, exact)', () => {
  it('takes the smallest sample with at least p % of the samples at or below it', () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6]; // unsorted on purpose
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 95)).toBe(10);
    expect(percentile(samples, 90)).toBe(9);
    expect(percentile(samples, 10)).toBe(1);
    expect(percentile(samples, 100)).toBe(10);
    expect(percentile([7], 99)).toBe(7);
  });

  it('refuses empty samples and percentiles outside (0, 100]', () => {
    expect(() => percentile([], 50)).toThrow(RangeError);
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });

  it('is a sample with the right count at or below it (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 1, max: 100 }),
        (samples, p) => {
          const value = percentile(samples, p);
          expect(samples).toContain(value);
          const atOrBelow = samples.filter((s) => s <= value).length;
          const below = samples.filter((s) => s < value).length;
          expect(atOrBelow).toBeGreaterThanOrEqual(Math.ceil((p / 100) * samples.length));
          expect(below).toBeLessThan(Math.ceil((p / 100) * samples.length));
        },
      ),
    );
  });
});
