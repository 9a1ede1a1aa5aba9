import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addInterval, hasPlayedEnough, newTracker, playedSeconds, startAt, stop, tick, type PlayTracker } from '../../../src/lib/media/played-time';
import { readMediaPosition } from '../../../src/lib/media/progress-body';

/** Plays from `from` to `to` in timeupdate ticks a quarter of a second apart, as a browser does at 1x. */
function play(tracker: PlayTracker, from: number, to: number, step = 0.25): PlayTracker {
  let t = startAt(tracker, from);
  for (let time = from + step; time < to; time += step) t = tick(t, time);
  return stop(tick(t, to));
}

describe('played time', () => {
  it('counts a piece played straight through as its whole length', () => {
    const tracker = play(newTracker(), 0, 4.5);
    expect(playedSeconds(tracker.intervals)).toBeCloseTo(4.5);
    expect(hasPlayedEnough(playedSeconds(tracker.intervals), 4.5)).toBe(true);
  });

  it('does not count a seek to the end, whether the player reports the seek or only the jump', () => {
    // Reported: seeking stops counting until playing starts again at the new place.
    let tracker = play(newTracker(), 0, 0.5);
    tracker = stop(tracker);
    tracker = play(tracker, 4.2, 4.5);
    expect(playedSeconds(tracker.intervals)).toBeCloseTo(0.8);
    expect(hasPlayedEnough(playedSeconds(tracker.intervals), 4.5)).toBe(false);
    // Unreported: a tick that jumps further than playing could move is taken as a seek.
    let jumped = startAt(newTracker(), 0);
    jumped = tick(jumped, 0.25);
    jumped = tick(jumped, 100);
    jumped = tick(jumped, 100.25);
    expect(playedSeconds(jumped.intervals)).toBeCloseTo(0.5);
  });

  it('counts a part watched twice once, and nothing while paused or going backwards', () => {
    let tracker = play(newTracker(), 0, 2);
    tracker = play(tracker, 1, 3);
    expect(playedSeconds(tracker.intervals)).toBeCloseTo(3);
    expect(tick(stop(tracker), 3.25).intervals).toEqual(tracker.intervals);
    expect(tick(startAt(tracker, 3), 2.5).intervals).toEqual(tracker.intervals);
  });

  it('counts time played at 2x speed', () => {
    expect(playedSeconds(play(newTracker(), 0, 10, 0.5).intervals)).toBeCloseTo(10);
  });

  it('needs 90% of a known duration', () => {
    expect(hasPlayedEnough(89.9, 100)).toBe(false);
    expect(hasPlayedEnough(90, 100)).toBe(true);
    expect(hasPlayedEnough(5, Number.NaN)).toBe(false);
    expect(hasPlayedEnough(5, Number.POSITIVE_INFINITY)).toBe(false);
    expect(hasPlayedEnough(0, 0)).toBe(false);
  });

  it('keeps intervals sorted, disjoint and never longer than what was added', () => {
    const interval = fc.tuple(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true })).map(([s, l]) => [s, s + l] as [number, number]);
    fc.assert(
      fc.property(fc.array(interval), (intervals) => {
        const merged = intervals.reduce(addInterval, []);
        merged.forEach(([start, end], i) => {
          expect(end).toBeGreaterThan(start);
          if (i > 0) expect(start).toBeGreaterThan(merged[i - 1]![1]);
        });
        const total = intervals.reduce((sum, [s, e]) => sum + (e - s), 0);
        expect(playedSeconds(merged)).toBeLessThanOrEqual(total + 1e-9);
      }),
    );
  });
});

describe('a posted media position', () => {
  it('is read when both numbers are seconds', () => {
    expect(readMediaPosition({ positionSeconds: 2.5, playedSeconds: 2 })).toEqual({ positionSeconds: 2.5, playedSeconds: 2 });
  });

  it.each([
    ['nothing', undefined],
    ['an array', [1, 2]],
    ['a missing field', { positionSeconds: 1 }],
    ['a string', { positionSeconds: '1', playedSeconds: 1 }],
    ['a negative number', { positionSeconds: -1, playedSeconds: 1 }],
    ['infinity', { positionSeconds: 1, playedSeconds: Number.POSITIVE_INFINITY }],
    ['more than a day', { positionSeconds: 90_000, playedSeconds: 1 }],
  ])('is refused with a message for %s', (_, body) => {
    expect(readMediaPosition(body)).toEqual({ error: expect.stringMatching(/seconds|JSON object/) });
  });
});
