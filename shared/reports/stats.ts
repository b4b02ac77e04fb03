/**
 * The statistics of the figures (issue 8), defined once so screen, export and tests agree.
 *
 * Percentiles use the nearest-rank method: the p-th percentile of n sorted values is the value at
 * rank ⌈p/100 · n⌉. It is always one of the measured values (a real waiting time, never an average
 * of two), and can be checked by hand: of 10 waits the median is the 5th, the 90th percentile the
 * 9th. An empty set has no percentile (null), shown as "–".
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  if (!(p > 0 && p <= 100)) throw new Error(`percentile: p must lie in (0, 100], got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1]!;
}

export const median = (values: readonly number[]) => percentile(values, 50);
export const p90 = (values: readonly number[]) => percentile(values, 90);

/** part / whole as a fraction 0…1; null when there is nothing to divide by (shown as "–"). */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Adds 1 to `key` in a counting map. */
export function bump<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** Appends `value` to the list under `key`. */
export function collect<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
