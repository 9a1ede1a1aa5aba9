import { describe, expect, it } from 'vitest';
import { progressionPlan, staircase, suggestedIncrease } from '../../../src/lib/toolkit/progression';

const plan = (start: string, target: string, increase: string, weeksPerLevel = '2') => progressionPlan({ start, target, increase, weeksPerLevel });

describe('the progression plan', () => {
  it('climbs in small steps, each held for the chosen weeks', () => {
    const result = plan('8', '12', '1');
    expect(result).toEqual({
      ok: true,
      increase: 1,
      weeksPerLevel: 2,
      weeksToTarget: 9,
      levels: [
        { week: 1, amount: 8 },
        { week: 3, amount: 9 },
        { week: 5, amount: 10 },
        { week: 7, amount: 11 },
        { week: 9, amount: 12 },
      ],
    });
    expect(plan('8', '12', '1', '1')).toMatchObject({ weeksToTarget: 5 });
  });

  it('ends exactly on the target when the increases do not divide the gap', () => {
    const result = plan('7', '20', '3');
    expect(result.ok && result.levels.map((l) => l.amount)).toEqual([7, 10, 13, 16, 19, 20]);
  });

  it('keeps decimal amounts as typed, without float noise', () => {
    const result = plan('0.5', '1', '0.1');
    expect(result.ok && result.levels.map((l) => l.amount)).toEqual([0.5, 0.6, 0.7, 0.8, 0.9, 1]);
  });

  it('says what is wrong with each bad number', () => {
    expect(plan('', 'abc', '-1')).toEqual({
      ok: false,
      errors: {
        start: 'Enter the starting level.',
        target: 'The target must be a number, like 10 or 7.5.',
        increase: 'The size of each increase cannot be negative.',
      },
    });
    expect(plan('8', '12', '0')).toEqual({ ok: false, errors: { increase: 'The size of each increase must be more than 0.' } });
    expect(plan('8', '99999', '1')).toEqual({ ok: false, errors: { target: 'The target must be 10,000 or less.' } });
    expect(plan('8', '12', '1', '3')).toEqual({ ok: false, errors: { weeksPerLevel: 'Choose how long to stay at each level: 1 week or 2 weeks.' } });
  });

  it('refuses a target that is not above the start', () => {
    expect(plan('10', '10', '1')).toEqual({ ok: false, errors: { target: 'The target must be more than the starting level (10).' } });
    expect(plan('10', '5', '1').ok).toBe(false);
  });

  it('refuses a plan of more than a year of increases', () => {
    const result = plan('1', '1000', '1');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.increase).toMatch(/^That takes 999 increases, more than a year/);
    expect(plan('1', '53', '1').ok).toBe(true);
  });

  it('offers a first increase of about a tenth of the start', () => {
    expect(suggestedIncrease(8, true)).toBe(1);
    expect(suggestedIncrease(30, true)).toBe(3);
    expect(suggestedIncrease(2, true)).toBe(1);
    expect(suggestedIncrease(1.6, false)).toBe(0.2);
  });

  it('draws a staircase: flat for each level, then straight up', () => {
    const result = plan('8', '10', '1');
    if (!result.ok) throw new Error('plan expected');
    expect(staircase(result.levels)).toEqual({
      weeks: 6,
      top: 10,
      points: [
        { x: 0, y: 8 },
        { x: 2, y: 8 },
        { x: 2, y: 9 },
        { x: 4, y: 9 },
        { x: 4, y: 10 },
        { x: 6, y: 10 },
      ],
    });
  });
});
