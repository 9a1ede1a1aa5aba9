import { describe, expect, it } from 'vitest';
import { checkProgramme, exercises, formatDose, levels } from '../../../src/lib/toolkit/exercises';

describe('the exercise data', () => {
  it('has exercises at each of the three levels, with unique ids and instructions', () => {
    expect(levels.map((l) => l.level)).toEqual([1, 2, 3]);
    for (const level of levels) expect(exercises.filter((e) => e.level === level.level).length).toBeGreaterThanOrEqual(3);
    expect(new Set(exercises.map((e) => e.id)).size).toBe(exercises.length);
    for (const exercise of exercises) expect(exercise.how.length).toBeGreaterThan(0);
  });
});

describe('a programme', () => {
  it('lists the chosen exercises in the workbook’s order, with their doses', () => {
    const result = checkProgramme([
      { id: 'balance', sets: '3', amount: '10' },
      { id: 'bridge', sets: '2', amount: '8' },
    ]);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.items.map((i) => `${i.exercise.name}: ${formatDose(i, i.exercise.measure)}`)).toEqual(['Bridge: 2 sets of 8 repetitions', 'Balance: 3 sets of 10 seconds']);
  });

  it('needs at least one exercise', () => {
    expect(checkProgramme([])).toEqual({ ok: false, errors: { choose: 'Choose at least one exercise.' } });
  });

  it.each([
    ['', '10', 'bridge-sets', 'Enter the sets for bridge.'],
    ['0', '10', 'bridge-sets', 'The sets for bridge must be more than 0.'],
    ['-2', '10', 'bridge-sets', 'The sets for bridge cannot be negative.'],
    ['two', '10', 'bridge-sets', 'The sets for bridge must be a number, like 10.'],
    ['11', '10', 'bridge-sets', 'The sets for bridge must be 10 or less.'],
    ['2', '1.5', 'bridge-amount', 'The repetitions for bridge must be a whole number, like 10.'],
    ['2', '500', 'bridge-amount', 'The repetitions for bridge must be 100 or less.'],
  ])('refuses sets %j and amount %j', (sets, amount, key, message) => {
    expect(checkProgramme([{ id: 'bridge', sets, amount }])).toEqual({ ok: false, errors: { [key]: message } });
  });

  it('allows longer holds and minutes where the exercise counts them', () => {
    expect(checkProgramme([{ id: 'treadmill', sets: '1', amount: '20' }]).ok).toBe(true);
    expect(checkProgramme([{ id: 'treadmill', sets: '1', amount: '200' }]).ok).toBe(false);
  });

  it('writes a single set or repetition in the singular', () => {
    expect(formatDose({ sets: 1, amount: 1 }, 'minutes')).toBe('1 set of 1 minute');
  });
});
