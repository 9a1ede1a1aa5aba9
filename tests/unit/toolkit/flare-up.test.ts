import { describe, expect, it } from 'vitest';
import { addAction, flareUpIdeas, goodSpellIdeas, maxActions, ownIdeas } from '../../../src/lib/toolkit/flare-up';

describe('the personal flare-up plan', () => {
  it('adds an action, tidying its spaces', () => {
    expect(addAction([], '  Walk for half my usual time,   twice a day ')).toEqual({ ok: true, actions: ['Walk for half my usual time, twice a day'] });
  });

  it('refuses a blank action, a repeat and an overlong one', () => {
    expect(addAction([], '   ')).toMatchObject({ ok: false, message: expect.stringMatching(/^Write the action first/) });
    expect(addAction(['Slow breathing'], 'slow BREATHING')).toEqual({ ok: false, message: 'That action is already in the plan.' });
    expect(addAction([], 'x'.repeat(201))).toMatchObject({ ok: false, message: expect.stringMatching(/^Keep each action under 200 characters/) });
  });

  it('holds at most six actions', () => {
    const six = Array.from({ length: maxActions }, (_, i) => `Action ${i + 1}`);
    expect(maxActions).toBe(6);
    expect(addAction(six, 'Action 7')).toEqual({ ok: false, message: 'The plan already has 6 actions: remove one to add another.' });
    expect(addAction(six.slice(1), 'Action 7').ok).toBe(true);
  });

  it('reads own ideas one a line, dropping blanks and repeats', () => {
    expect(ownIdeas('Swim\n\n  swim \nCall my sister\n')).toEqual(['Swim', 'Call my sister']);
  });

  it('offers the workbook’s seven ideas for each', () => {
    expect(goodSpellIdeas).toHaveLength(7);
    expect(flareUpIdeas).toHaveLength(7);
  });
});
