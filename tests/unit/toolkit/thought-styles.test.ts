import { describe, expect, it } from 'vitest';
import { styleName, suggestStyles, thinkingStyles, thoughtRecordProblems } from '../../../src/lib/toolkit/thought-styles';

describe('the six thinking styles', () => {
  it('are the workbook’s six, in its order', () => {
    expect(thinkingStyles.map((s) => s.name)).toEqual([
      'Black-and-white thinking',
      'Catastrophising',
      'Should and must statements',
      'Jumping to conclusions',
      'Mental filter',
      'Critical self',
    ]);
  });

  it.each([
    ['If I can’t do the whole garden I might as well not bother', ['black-and-white']],
    ['This pain is unbearable, it has ruined my life', ['catastrophising']],
    ['I should be able to do all the ironing today', ['should-must']],
    ['My colleagues think I am putting it on', ['jumping-to-conclusions']],
    ['The scan said wear and tear, so it is getting worse', ['mental-filter']],
    ["It's my own fault, I'm useless", ['critical-self']],
    ['I must cope, I can’t cope with this', ['catastrophising', 'should-must']],
  ])('suggests the styles the wording hints at in “%s”', (thought, styles) => {
    expect(suggestStyles(thought)).toEqual(styles);
  });

  it('suggests nothing for a neutral thought or a blank one', () => {
    expect(suggestStyles('My back is sore after the walk')).toEqual([]);
    expect(suggestStyles('I think I’ll rest for ten minutes, then carry on')).toEqual([]);
    expect(suggestStyles('')).toEqual([]);
  });

  it('names a style from its id', () => {
    expect(styleName('should-must')).toBe('Should and must statements');
  });
});

describe('a thought record', () => {
  const record = { situation: 'At the café', thought: 'They have forgotten me', feeling: '', behaviour: '', styles: [], alternative: '' };

  it('needs a situation and a thought; the rest can be finished on paper', () => {
    expect(thoughtRecordProblems(record)).toEqual({});
    expect(thoughtRecordProblems({ ...record, situation: ' ', thought: '' })).toEqual({
      situation: 'Describe the situation: where you were, what you were doing, who was there.',
      thought: 'Write down the thought that went through your mind.',
    });
  });
});
