import { describe, expect, it } from 'vitest';
import { evenPieces, formatClock, pacingPlan, parseClock, type PacingInput } from '../../../src/lib/toolkit/pacing';

const input: PacingInput = {
  task: 'Cleaning the house',
  parts: [
    { name: 'Vacuum the living room', minutes: '25' },
    { name: 'Wipe the kitchen', minutes: '10' },
    { name: '', minutes: '' },
  ],
  spell: '10',
  rest: '15',
  start: '09:00',
};

describe('the pacing plan', () => {
  it('splits each part into even spells no longer than the tolerance, with a rest between every two', () => {
    const result = pacingPlan(input);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.periods.map((p) => `${formatClock(p.from)}-${formatClock(p.to)} ${p.label}`)).toEqual([
      '09:00-09:09 Vacuum the living room (1 of 3)',
      '09:09-09:24 Rest',
      '09:24-09:32 Vacuum the living room (2 of 3)',
      '09:32-09:47 Rest',
      '09:47-09:55 Vacuum the living room (3 of 3)',
      '09:55-10:10 Rest',
      '10:10-10:20 Wipe the kitchen',
    ]);
    expect(result).toMatchObject({ spells: 4, activityMinutes: 35, spell: 10, rest: 15 });
  });

  it('shares minutes as evenly as whole minutes allow', () => {
    expect(evenPieces(25, 10)).toEqual([9, 8, 8]);
    expect(evenPieces(30, 10)).toEqual([10, 10, 10]);
    expect(evenPieces(5, 10)).toEqual([5]);
  });

  it('names every bad field', () => {
    const result = pacingPlan({
      task: ' ',
      parts: [
        { name: 'Iron shirts', minutes: '2.5' },
        { name: '', minutes: '20' },
        { name: 'Dust', minutes: '-5' },
      ],
      spell: '0',
      rest: '0',
      start: '25:00',
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        task: 'Enter the task to pace, such as “cleaning the house”.',
        spell: 'The longest spell of activity must be more than 0.',
        rest: 'The rest between spells must be more than 0. Pacing needs a rest between spells, even a short one.',
        start: 'Enter the time to start, like 09:30.',
        'part-1-minutes': 'The minutes for part 1 must be a whole number, like 10.',
        'part-2-name': 'Say what part 2 of the task is.',
        'part-3-minutes': 'The minutes for part 3 cannot be negative.',
      },
    });
  });

  it('refuses minutes that are not a number', () => {
    const result = pacingPlan({ ...input, parts: [{ name: 'Iron shirts', minutes: 'lots' }] });
    expect(!result.ok && result.errors['part-1-minutes']).toBe('The minutes for part 1 must be a number, like 10.');
  });

  it('needs at least one part', () => {
    const result = pacingPlan({ ...input, parts: [{ name: '', minutes: '' }] });
    expect(!result.ok && result.errors['part-1-name']).toBe('Add at least one part of the task, with its minutes.');
  });

  it('refuses absurd lengths: a spell over four hours, a task over sixteen', () => {
    expect(pacingPlan({ ...input, spell: '600' })).toEqual({ ok: false, errors: { spell: 'The longest spell of activity must be 240 or less.' } });
    const long = pacingPlan({ ...input, parts: [{ name: 'A', minutes: '900' }, { name: 'B', minutes: '100' }] });
    expect(!long.ok && long.errors.parts).toBe('The parts add up to more than 16 hours: spread the task over more than one day.');
  });

  it('refuses a plan that runs past midnight', () => {
    const result = pacingPlan({ ...input, start: '23:30' });
    expect(result).toEqual({
      ok: false,
      errors: { day: 'This plan would end after midnight (00:50): start earlier, shorten the rests, or spread the task over two days.' },
    });
    expect(pacingPlan({ ...input, start: '22:40' }).ok).toBe(true);
  });

  it('reads and writes clock times', () => {
    expect(parseClock('09:30')).toBe(570);
    expect(parseClock('9:05')).toBe(545);
    expect(parseClock('')).toBeUndefined();
    expect(parseClock('24:00')).toBeUndefined();
    expect(parseClock('12:60')).toBeUndefined();
    expect(parseClock('noon')).toBeUndefined();
    expect(formatClock(570)).toBe('09:30');
  });
});
