/** Small numeric helpers for the console. Pure. */

/** Whole per cent of `part` in `whole`, rounded to nearest; 0 when there is no whole. */
export function percentOf(part: number, whole: number): number {
  return whole > 0 ? Math.round((part * 100) / whole) : 0;
}

/**
 * Which sorted rows hold the median of `count` values: SQL fetches just these (LIMIT `take` OFFSET `offset`)
 * instead of every value.
 */
export function medianWindow(count: number): { offset: number; take: number } {
  if (count <= 0) return { offset: 0, take: 0 };
  return count % 2 === 1 ? { offset: (count - 1) / 2, take: 1 } : { offset: count / 2 - 1, take: 2 };
}

/** The median of the middle values `medianWindow` picked (or of any list); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const { offset, take } = medianWindow(sorted.length);
  const middle = sorted.slice(offset, offset + take);
  return middle.reduce((sum, v) => sum + v, 0) / middle.length;
}

const day = 86_400_000;

/** A span of time as people say it: "less than a day", "1 day", "23 days". */
export function formatDays(ms: number): string {
  const days = Math.round(ms / day);
  if (ms < day / 2) return 'less than a day';
  return days === 1 ? '1 day' : `${days} days`;
}

/** A count with thousands separators, as shown in the console. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-GB');
}
