import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { baselineFromDays, formatStart, suggestedStart } from '../../../src/lib/toolkit/baseline';

describe('the baseline from three days', () => {
  it('gives the workbook example: an average of 10 minutes starts at 7 to 8', () => {
    const result = baselineFromDays(['9', '11', '10']);
    expect(result).toEqual({ ok: true, days: [9, 11, 10], total: 30, average: 10, start: { low: 7, high: 8 }, wholeUnits: true });
    if (result.ok) expect(formatStart(result.start, 'minutes')).toBe('7 to 8 minutes');
  });

  it('averages uneven days without rounding the average away', () => {
    const result = baselineFromDays(['8', '10', '10']);
    expect(result.ok && result.average).toBeCloseTo(9.333, 3);
    expect(result.ok && result.start).toEqual({ low: 6, high: 7 });
  });

  it('rounds the start down without floating-point error (30 x 0.7 is 21, not 20)', () => {
    expect(suggestedStart(30, true)).toEqual({ low: 21, high: 24 });
    expect(suggestedStart(20, true)).toEqual({ low: 14, high: 16 });
  });

  it('works in tenths when the amounts had decimals', () => {
    const result = baselineFromDays(['1.5', '2', '2.5']);
    expect(result).toMatchObject({ ok: true, average: 2, start: { low: 1.4, high: 1.6 }, wholeUnits: false });
  });

  it('never starts below one unit nor above the average', () => {
    expect(suggestedStart(1, true)).toEqual({ low: 1, high: 1 });
    expect(suggestedStart(2, true)).toEqual({ low: 1, high: 1 });
    expect(formatStart({ low: 1, high: 1 }, 'repetition')).toBe('1 repetition');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 10_000 }), (a, b, c) => {
        const result = baselineFromDays([String(a), String(b), String(c)]);
        if (!result.ok) throw new Error('whole positive days must give a baseline');
        expect(result.start.low).toBeGreaterThanOrEqual(1);
        expect(result.start.low).toBeLessThanOrEqual(result.start.high);
        expect(result.start.high).toBeLessThanOrEqual(result.average);
        expect(Number.isInteger(result.start.low) && Number.isInteger(result.start.high)).toBe(true);
      }),
    );
  });

  it('gives each bad day its own message, and no numbers at all', () => {
    const result = baselineFromDays(['', 'ten', '-3']);
    expect(result).toEqual({
      ok: false,
      errors: ['Enter the amount for day 1.', 'The amount for day 2 must be a number, like 10 or 7.5.', 'The amount for day 3 cannot be negative.'],
    });
  });

  it('refuses a zero day, saying what to do instead, and an absurd amount', () => {
    const result = baselineFromDays(['0', '5', '50000']);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatch(/^The amount for day 1 must be more than 0\. If nothing was possible/);
    expect(result.errors[1]).toBeUndefined();
    expect(result.errors[2]).toBe('The amount for day 3 must be 10,000 or less.');
  });
});
