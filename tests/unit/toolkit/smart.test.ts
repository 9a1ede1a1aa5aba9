import { describe, expect, it } from 'vitest';
import { goalWeeks, scheduleSteps, smartFlags, type SmartGoal } from '../../../src/lib/toolkit/smart';

const complete: SmartGoal = {
  goal: 'Swim 10 lengths at the local pool on Tuesday mornings, in 12 weeks.',
  specific: 'Ten lengths of breaststroke in the slow lane, every Tuesday.',
  measurable: 'I will count the lengths.',
  applicable: 'Swimming with my sister was our weekly outing.',
  rewarding: 'Breakfast together afterwards.',
  timed: '12 weeks',
  steps: [],
};
const fields = (goal: Partial<SmartGoal>) => smartFlags({ ...complete, ...goal }).map((f) => f.field);

describe('SMART flags', () => {
  it('has nothing to say about a goal with an amount, a deadline and all five parts', () => {
    expect(smartFlags(complete)).toEqual([]);
  });

  it('asks for the goal before anything else', () => {
    expect(smartFlags({ ...complete, goal: '  ' })).toEqual([{ field: 'goal', message: 'Write the goal in one sentence first.' }]);
  });

  it('flags a goal with no amount, no deadline and vague words', () => {
    const flags = smartFlags({ goal: 'Get fitter', specific: '', measurable: '', applicable: '', rewarding: '', timed: '', steps: [] });
    expect(flags.map((f) => f.message)).toEqual([
      'No amount: say how much or how often, such as “15 minutes” or “twice a week”.',
      'No deadline: say when you aim to reach it, such as “in 8 weeks” or “by 1 June”.',
      '“fitter” is vague: say exactly what you will do, so you will know when it is done.',
      'Specific is blank: what exactly will you do, where, and how often?',
      'Measurable is blank: how will you count or time it, to see your progress?',
      'Applicable is blank: how does it fit your life and what you want to get back to?',
      'Rewarding is blank: what will reaching it give you?',
      'Timed is blank: by when do you aim to reach it?',
    ]);
  });

  it('does not take a deadline’s number for an amount', () => {
    expect(fields({ goal: 'Walk to the shops in 8 weeks', specific: 'Walk to the shops', measurable: 'Keep a diary' })).toContain('specific');
    expect(fields({ goal: 'Walk to the shops by 1 June', specific: 'Walk to the shops', measurable: 'Keep a diary', timed: '' })).toEqual(['specific', 'timed']);
  });

  it('counts amounts written in words', () => {
    expect(fields({ goal: 'Walk to the park twice a week', specific: 'x', measurable: 'x' })).not.toContain('specific');
    expect(fields({ goal: 'Walk half a mile', specific: 'x', measurable: 'x' })).not.toContain('specific');
  });

  it.each(['in 6 weeks', 'within two months', 'by Christmas', 'by the end of June', 'by 3 May', 'before 12/8/2026', 'over the next three months', 'in a fortnight'])(
    'finds the deadline in “%s”',
    (deadline) => {
      expect(fields({ goal: `Walk 2 miles ${deadline}`, timed: '' })).toEqual(['timed']);
    },
  );

  it('takes a bare length of time in the Timed box as the deadline', () => {
    expect(fields({ goal: 'Walk 2 miles', timed: '10 weeks' })).toEqual([]);
    expect(fields({ goal: 'Walk 2 miles', timed: 'two months' })).toEqual([]);
  });

  it.each(['Walk 2 miles by the river', 'Walk 2 miles twice a week', 'I may walk 2 miles', 'Walk 2 miles when I feel like it'])('finds no deadline in “%s”', (goal) => {
    expect(fields({ goal, timed: 'soon' })).toEqual(['timed']);
  });
});

describe('the weeks a goal allows', () => {
  it('reads a length of time from the Timed box, or an "in" phrase in the goal', () => {
    expect(goalWeeks({ goal: '', timed: '10 weeks' })).toBe(10);
    expect(goalWeeks({ goal: '', timed: 'in 3 months' })).toBe(13);
    expect(goalWeeks({ goal: '', timed: 'a fortnight' })).toBe(2);
    expect(goalWeeks({ goal: 'Cycle 5 miles in two months', timed: '' })).toBe(9);
    expect(goalWeeks({ goal: 'Cycle 5 miles within a year', timed: '' })).toBe(52);
  });

  it('gives nothing for a date, no deadline, a frequency or a nonsense length', () => {
    expect(goalWeeks({ goal: 'Walk twice a week', timed: '' })).toBeUndefined();
    expect(goalWeeks({ goal: 'Walk', timed: 'by 1 June' })).toBeUndefined();
    expect(goalWeeks({ goal: 'Walk', timed: '' })).toBeUndefined();
    expect(goalWeeks({ goal: 'Walk', timed: '2 days' })).toBeUndefined();
    expect(goalWeeks({ goal: 'Walk', timed: '999 years' })).toBeUndefined();
  });
});

describe('breaking the goal into steps', () => {
  it('shares the steps out over the weeks, in order', () => {
    expect(scheduleSteps(['Baseline', 'Gate and back', 'Park and back'], 10)).toEqual([
      { text: 'Baseline', weeks: { from: 1, to: 3 } },
      { text: 'Gate and back', weeks: { from: 4, to: 6 } },
      { text: 'Park and back', weeks: { from: 7, to: 10 } },
    ]);
  });

  it('puts several steps in a week when there are more steps than weeks', () => {
    expect(scheduleSteps(['a', 'b', 'c', 'd'], 2).map((s) => s.weeks)).toEqual([
      { from: 1, to: 1 },
      { from: 1, to: 1 },
      { from: 2, to: 2 },
      { from: 2, to: 2 },
    ]);
  });

  it('drops blank rows, and leaves the weeks out when the deadline is not a length of time', () => {
    expect(scheduleSteps(['  ', 'First', '', 'Second '], undefined)).toEqual([{ text: 'First' }, { text: 'Second' }]);
  });
});
