import { describe, expect, it } from 'vitest';
import { findMentions, mentionQuery, suggestNames } from '../../../src/lib/discussion/mentions';

const people = [
  { id: 'sam', name: 'Sam' },
  { id: 'sam-lee', name: 'Sam Lee' },
  { id: 'zoe', name: 'Zoë Łukasiewicz' },
  { id: 'ana-1', name: 'Ana Ruiz' },
  { id: 'ana-2', name: 'Ana Ruiz' },
];

describe('finding @mentions', () => {
  it('takes the longest name at each @, ignoring case', () => {
    expect(findMentions('Thanks @sam lee, great point', people)).toEqual(['sam-lee']);
    expect(findMentions('@Sam and @SAM LEE', people).sort()).toEqual(['sam', 'sam-lee']);
  });

  it('needs the name to end at a word boundary and the @ to start a word', () => {
    expect(findMentions('@Samuel, hello', people)).toEqual([]);
    expect(findMentions('write to sam@Sam Lee', people)).toEqual([]);
    expect(findMentions('(@Zoë Łukasiewicz)', people)).toEqual(['zoe']);
  });

  it('mentions everyone who shares the name, once each', () => {
    expect(findMentions('@Ana Ruiz @Ana Ruiz', people).sort()).toEqual(['ana-1', 'ana-2']);
  });

  it('finds nothing without an @ or a known name', () => {
    expect(findMentions('Sam Lee said so', people)).toEqual([]);
    expect(findMentions('@Nobody here', people)).toEqual([]);
  });
});

describe('suggesting names while typing', () => {
  it('knows when the caret is in a mention', () => {
    expect(mentionQuery('Hello @Sa')).toEqual({ start: 6, query: 'Sa' });
    expect(mentionQuery('@')).toEqual({ start: 0, query: '' });
    expect(mentionQuery('Hello @Sam L')).toEqual({ start: 6, query: 'Sam L' });
  });

  it('is not in a mention after an email address, a new line, a trailing space or a long run of words', () => {
    expect(mentionQuery('mail me at sam@exa')).toBeNull();
    expect(mentionQuery('@Sam\nnext')).toBeNull();
    expect(mentionQuery('@Sam Lee ')).toBeNull();
    expect(mentionQuery('@one two three four')).toBeNull();
    expect(mentionQuery('no at sign')).toBeNull();
  });

  it('matches the start of the name or of any word in it', () => {
    expect(suggestNames('sa', people).map((p) => p.id)).toEqual(['sam', 'sam-lee']);
    expect(suggestNames('lee', people).map((p) => p.id)).toEqual(['sam-lee']);
    expect(suggestNames('zo', people).map((p) => p.id)).toEqual(['zoe']);
    expect(suggestNames('', people, 2)).toHaveLength(2);
  });
});
