import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDays, median, medianWindow, percentOf } from '../../../src/lib/analytics/stats';
import { funnelStages } from '../../../src/lib/analytics/funnel';

describe('percentOf', () => {
  it('rounds to the nearest whole per cent and never divides by nothing', () => {
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(2, 3)).toBe(67);
    expect(percentOf(5, 0)).toBe(0);
    expect(percentOf(0, 10)).toBe(0);
  });
});

describe('the median', () => {
  it('is the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNull();
  });

  it('needs only the rows medianWindow picks from the sorted values', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 200 }), (values) => {
        const sorted = [...values].sort((a, b) => a - b);
        const { offset, take } = medianWindow(sorted.length);
        expect(median(sorted.slice(offset, offset + take))).toBe(median(values));
      }),
    );
    expect(medianWindow(0)).toEqual({ offset: 0, take: 0 });
  });
});

describe('formatDays', () => {
  it('speaks in whole days', () => {
    expect(formatDays(3 * 3_600_000)).toBe('less than a day');
    expect(formatDays(26 * 3_600_000)).toBe('1 day');
    expect(formatDays(23 * 86_400_000 + 1000)).toBe('23 days');
  });
});

describe('the funnel', () => {
  it('gives each stage its share of enrolled and of the stage before', () => {
    const stages = funnelStages({ enrolled: 1270, started: 744, halfway: 600, eligible: 470, certified: 462 });
    expect(stages.map((s) => s.label)).toEqual(['Enrolled', 'Started', 'Reached 50%', 'Eligible for a certificate', 'Certificate issued']);
    expect(stages[1]).toMatchObject({ count: 744, ofEnrolled: 59, ofPrevious: 59 });
    expect(stages[4]).toMatchObject({ count: 462, ofEnrolled: 36, ofPrevious: 98 });
    expect(stages[0]).toMatchObject({ ofEnrolled: 100, ofPrevious: 100 });
  });

  it('shows 0% rather than failing when nobody has enrolled', () => {
    expect(funnelStages({ enrolled: 0, started: 0, halfway: 0, eligible: 0, certified: 0 }).every((s) => s.ofEnrolled === 0)).toBe(true);
  });
});
