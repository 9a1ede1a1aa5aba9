import { describe, expect, it } from 'vitest';
import { ruleMetAt } from '../../../src/lib/certificates/completion-date';
import { checkReflection, weekCompletedOn } from '../../../src/lib/certificates/reflection';

const at = (day: number) => new Date(Date.UTC(2026, 10, day));

describe('when the certificate rule was first met', () => {
  const steps = new Set(['a', 'b', 'c']);
  const completions = [
    { stepId: 'a', completedAt: at(3) },
    { stepId: 'gone', completedAt: at(1) },
    { stepId: 'b', completedAt: at(5) },
    { stepId: 'c', completedAt: at(9) },
  ];

  it('is the required-th completion of a step still in the course, or a later first pass', () => {
    expect(ruleMetAt(completions, steps, 2, [], new Map())).toEqual(at(5));
    expect(ruleMetAt(completions, steps, 2, ['final'], new Map([['final', at(7)]]))).toEqual(at(7));
    expect(ruleMetAt(completions, steps, 2, ['final'], new Map([['final', at(4)]]))).toEqual(at(5));
  });

  it('is null while the rule is not met', () => {
    expect(ruleMetAt(completions, steps, 4, [], new Map())).toBeNull();
    expect(ruleMetAt(completions, steps, 2, ['final'], new Map())).toBeNull();
    expect(ruleMetAt([], new Set(), 0, [], new Map())).toBeNull();
  });
});

describe('weekly reflections', () => {
  it('needs at least one part and keeps each under the limit', () => {
    expect(checkReflection({ learned: '  ', apply: '', next: undefined })).toEqual({ ok: false, error: 'Write something in at least one of the three boxes.' });
    expect(checkReflection({ learned: 'x'.repeat(2001) })).toEqual({ ok: false, error: '"What I learned" must be at most 2000 characters.' });
    expect(checkReflection({ learned: ' Pacing ', apply: 'In groups' })).toEqual({ ok: true, value: { learned: 'Pacing', apply: 'In groups', next: '' } });
  });

  it('dates a week by its last step, once every step is done', () => {
    const done = new Map([['a', at(2)], ['b', at(6)]]);
    expect(weekCompletedOn(['a', 'b'], done)).toEqual(at(6));
    expect(weekCompletedOn(['a', 'b', 'c'], done)).toBeNull();
    expect(weekCompletedOn([], done)).toBeNull();
  });
});
