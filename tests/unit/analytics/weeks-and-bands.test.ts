import { describe, expect, it } from 'vitest';
import { scoreBand, scoreBands } from '../../../src/lib/analytics/histogram';
import { seriesRange, weekIndex, weekStart, weeklySeries } from '../../../src/lib/analytics/weeks';

const at = (iso: string) => new Date(iso).getTime();

describe('weeks', () => {
  it('run Monday to Sunday in UTC', () => {
    const monday = weekIndex(at('2025-03-03T00:00:00Z'));
    expect(weekIndex(at('2025-03-09T23:59:59Z'))).toBe(monday);
    expect(weekIndex(at('2025-03-10T00:00:00Z'))).toBe(monday + 1);
    expect(weekIndex(at('2025-03-02T23:59:59Z'))).toBe(monday - 1);
    expect(weekStart(monday).toISOString()).toBe('2025-03-03T00:00:00.000Z');
  });

  it('fill the weeks nobody joined in with zeros', () => {
    const w = weekIndex(at('2025-03-03T12:00:00Z'));
    const series = weeklySeries([{ week: w, count: 4 }, { week: w + 3, count: 1 }], w, w + 3);
    expect(series.map((s) => s.count)).toEqual([4, 0, 0, 1]);
    expect(series[1]!.start.toISOString()).toBe('2025-03-10T00:00:00.000Z');
  });

  it('reach from the filter\'s first day, or the first enrolment, to its last day, or this week', () => {
    const w = weekIndex(at('2025-03-05T00:00:00Z'));
    const now = new Date('2025-04-30T00:00:00Z');
    expect(seriesRange([], undefined, undefined, now)).toBeNull();
    expect(seriesRange([{ week: w }], undefined, undefined, now)).toEqual({ first: w, last: weekIndex(now.getTime()) });
    expect(seriesRange([{ week: w }], new Date('2025-02-01T00:00:00Z'), new Date('2025-03-16T00:00:00Z'), now)).toEqual({
      first: weekIndex(at('2025-02-01T00:00:00Z')),
      last: w + 1,
    });
  });

  it('never run into the future, nor from decades before anyone joined', () => {
    const w = weekIndex(at('2025-03-05T00:00:00Z'));
    const now = new Date('2025-06-01T00:00:00Z');
    const range = seriesRange([{ week: w }, { week: w + 10 }], new Date('1990-01-01T00:00:00Z'), new Date('2060-01-01T00:00:00Z'), now);
    expect(range).toEqual({ first: w, last: weekIndex(now.getTime()) });
  });
});

describe('score bands', () => {
  it('put 100% in the top band with 90-99%', () => {
    expect([0, 9, 10, 69, 70, 99, 100].map(scoreBand)).toEqual([0, 0, 1, 6, 7, 9, 9]);
  });

  it('are all present and labelled, with the counts found', () => {
    const bands = scoreBands([{ band: 7, count: 12 }, { band: 9, count: 3 }]);
    expect(bands).toHaveLength(10);
    expect(bands[0]).toEqual({ band: 0, label: '0–9%', count: 0 });
    expect(bands[7]).toEqual({ band: 7, label: '70–79%', count: 12 });
    expect(bands[9]).toEqual({ band: 9, label: '90–100%', count: 3 });
  });
});
