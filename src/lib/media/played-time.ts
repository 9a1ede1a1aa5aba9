/**
 * How much of a video or audio piece a learner has actually played, from the player's timeupdate events.
 * Pure, so the island and the server share one rule and tests need no browser.
 */

/** A stretch of the media that was played, in seconds: [start, end]. */
export type Interval = [number, number];

export interface PlayTracker {
  /** What was played, merged so a part watched twice counts once. */
  intervals: Interval[];
  /** Where the last counted tick left the playhead; null while paused or seeking. */
  from: number | null;
}

/** The share of the media that must be played for the step to complete itself. */
export const completionShare = 0.9;

/**
 * The longest move between two timeupdate events that still counts as playing. Browsers send them about four
 * times a second, so even at 2x speed a tick moves well under this; anything longer was a jump.
 */
export const longestTick = 3;

export const newTracker = (): PlayTracker => ({ intervals: [], from: null });

/** Playing starts (or resumes after a seek) at this time. */
export function startAt(tracker: PlayTracker, time: number): PlayTracker {
  return { ...tracker, from: Number.isFinite(time) ? time : null };
}

/** Paused or seeking: nothing counts until playing starts again. */
export function stop(tracker: PlayTracker): PlayTracker {
  return { ...tracker, from: null };
}

/** Adds a stretch to merged intervals, keeping them sorted and disjoint. */
export function addInterval(intervals: Interval[], [start, end]: Interval): Interval[] {
  if (!(end > start)) return intervals;
  const merged: Interval[] = [];
  let current: Interval = [start, end];
  for (const interval of intervals) {
    if (interval[1] < current[0] || interval[0] > current[1]) merged.push(interval);
    else current = [Math.min(interval[0], current[0]), Math.max(interval[1], current[1])];
  }
  merged.push(current);
  return merged.sort((a, b) => a[0] - b[0]);
}

/** A timeupdate while playing: the stretch since the last tick counts, unless it went backwards or jumped. */
export function tick(tracker: PlayTracker, time: number): PlayTracker {
  if (!Number.isFinite(time)) return tracker;
  const { from } = tracker;
  if (from === null || time <= from || time - from > longestTick) return { ...tracker, from: time };
  return { intervals: addInterval(tracker.intervals, [from, time]), from: time };
}

export function playedSeconds(intervals: Interval[]): number {
  return intervals.reduce((sum, [start, end]) => sum + (end - start), 0);
}

/** Whether enough has been played for the step to complete itself; never for a duration not yet known. */
export function hasPlayedEnough(played: number, duration: number): boolean {
  return Number.isFinite(duration) && duration > 0 && played >= completionShare * duration;
}
