import { describe, expect, it } from 'vitest';
import { median, p90, percentile, share } from '../../../../shared/reports/stats';

describe('issue 8: median and 90th percentile by the nearest-rank method', () => {
  it('of 10 waits the median is the 5th, the 90th percentile the 9th (sorted)', () => {
    const waits = [30, 1, 9, 2, 8, 3, 7, 4, 6, 5];
    expect(median(waits)).toBe(5);
    expect(p90(waits)).toBe(9);
  });
  it('is always a measured value: of 4 waits the median is the 2nd, not the mean of 2nd and 3rd', () => {
    expect(median([10, 20, 30, 40])).toBe(20);
    expect(p90([10, 20, 30, 40])).toBe(40);
  });
  it('one value is its own median and 90th percentile; none has none', () => {
    expect(median([7])).toBe(7);
    expect(p90([7])).toBe(7);
    expect(median([])).toBeNull();
    expect(percentile([], 90)).toBeNull();
  });
  it('refuses a percentile outside (0, 100]', () => {
    expect(() => percentile([1], 0)).toThrow();
    expect(() => percentile([1], 101)).toThrow();
  });
  it('a share of nothing is no share', () => {
    expect(share(1, 4)).toBe(0.25);
    expect(share(0, 0)).toBeNull();
  });
});
