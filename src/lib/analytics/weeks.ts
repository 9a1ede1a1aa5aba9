/** Weeks for the enrolment chart: Monday to Sunday, in UTC, numbered from the week of 5 January 1970. Pure. */

const weekMs = 7 * 86_400_000;
/** 1970-01-05, the first Monday after the epoch. */
const firstMondayMs = 4 * 86_400_000;

/** The week a moment falls in. */
export function weekIndex(ms: number): number {
  return Math.floor((ms - firstMondayMs) / weekMs);
}

/** The Monday a week starts on. */
export function weekStart(index: number): Date {
  return new Date(firstMondayMs + index * weekMs);
}

/** SQL's form of weekIndex, for the column named (milliseconds since the epoch): constants only, no input. */
export const weekIndexSql = { offsetMs: firstMondayMs, weekMs };

/** Counts for every week from `first` to `last`, with 0 for weeks nobody joined in. */
export function weeklySeries(counts: readonly { week: number; count: number }[], first: number, last: number): { week: number; start: Date; count: number }[] {
  const byWeek = new Map(counts.map((c) => [c.week, c.count]));
  const series = [];
  for (let week = first; week <= last; week++) series.push({ week, start: weekStart(week), count: byWeek.get(week) ?? 0 });
  return series;
}

/** The longest span the chart draws from a filter's first day rather than from the first enrolment: ten years. */
const longestSeries = 520;

/**
 * The weeks to draw: from the filter's first day (or the first enrolment) to its last day (or this week), so quiet
 * recent weeks show as zeros, but never into the future; null when nobody joined. A filter starting decades before
 * anyone joined starts at the first enrolment instead.
 */
export function seriesRange(found: readonly { week: number }[], from: Date | undefined, before: Date | undefined, now: Date): { first: number; last: number } | null {
  const weeks = found.map((f) => f.week);
  if (weeks.length === 0) return null;
  const minData = Math.min(...weeks);
  const maxData = Math.max(...weeks);
  const thisWeek = Math.max(weekIndex(now.getTime()), maxData);
  const last = before ? Math.min(weekIndex(before.getTime() - 1), thisWeek) : thisWeek;
  const first = from ? weekIndex(from.getTime()) : minData;
  return { first: last - first > longestSeries ? minData : first, last: Math.max(last, maxData) };
}
