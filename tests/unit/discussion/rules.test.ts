import { describe, expect, it } from 'vitest';
import { parseShown, parseSort, threadHref } from '../../../src/lib/discussion/listing';
import { returnTo, doneMessage } from '../../../src/lib/discussion/messages';
import { checkReport } from '../../../src/lib/discussion/reports';
import { canChange, canLike, canModerate, canPin, canSee, replyParent, type Viewer } from '../../../src/lib/discussion/rules';
import { rules, takeToken } from '../../../src/lib/rate-limit/bucket';

const learner: Viewer = { id: 'l1', role: 'learner', teaches: false };
const other: Viewer = { id: 'l2', role: 'learner', teaches: false };
const educator: Viewer = { id: 'e1', role: 'educator', teaches: true };
const otherCoursesEducator: Viewer = { id: 'e2', role: 'educator', teaches: false };
const admin: Viewer = { id: 'a1', role: 'admin', teaches: false };
const comment = { id: 'c1', userId: 'l1', parentId: null, deletedAt: null, hiddenAt: null };

describe('who may do what', () => {
  it('lets only the course’s educators and admins moderate', () => {
    expect([learner, educator, otherCoursesEducator, admin].map(canModerate)).toEqual([false, true, false, true]);
  });

  it('hides hidden comments from everyone but moderators, the author included', () => {
    const hidden = { ...comment, hiddenAt: new Date() };
    expect(canSee(hidden, learner)).toBe(false);
    expect(canSee(hidden, otherCoursesEducator)).toBe(false);
    expect(canSee(hidden, educator)).toBe(true);
  });

  it('lets only the author change a comment, and not once it is deleted', () => {
    expect(canChange(comment, learner)).toBe(true);
    expect(canChange(comment, other)).toBe(false);
    expect(canChange(comment, educator)).toBe(false);
    expect(canChange({ ...comment, deletedAt: new Date() }, learner)).toBe(false);
  });

  it('does not let people like their own comments', () => {
    expect(canLike(comment, learner)).toBe(false);
    expect(canLike(comment, other)).toBe(true);
  });

  it('threads a reply to a reply under the comment on the step, and pins only comments on the step', () => {
    expect(replyParent({ id: 'r1', parentId: 'c1' })).toBe('c1');
    expect(replyParent(comment)).toBe('c1');
    expect(canPin(comment, educator)).toBe(true);
    expect(canPin({ ...comment, parentId: 'c0' }, educator)).toBe(false);
    expect(canPin(comment, learner)).toBe(false);
  });
});

describe('sorting and paging in the address', () => {
  it('reads the sort and the number shown, falling back to safe values', () => {
    expect(parseSort('liked')).toBe('liked');
    expect(parseSort('<script>')).toBe('newest');
    expect(parseShown(null)).toBe(20);
    expect(parseShown('40')).toBe(40);
    expect(parseShown('41')).toBe(60);
    expect(parseShown('-5')).toBe(20);
    expect(parseShown('1e9')).toBe(1000);
    expect(parseShown('abc')).toBe(20);
  });

  it('writes addresses that leave out the defaults', () => {
    expect(threadHref('/s', { sort: 'newest', shown: 20 })).toBe('/s');
    expect(threadHref('/s', { sort: 'liked', shown: 40 }, 'comment-x')).toBe('/s?sort=liked&show=40#comment-x');
  });

  it('returns only to pages on this site, with a known confirmation', () => {
    expect(returnTo('/courses/c/steps/s?sort=liked&done=old', '/x', { done: 'posted', hash: 'comment-1' })).toBe('/courses/c/steps/s?sort=liked&done=posted#comment-1');
    expect(returnTo('//evil.example/x', '/courses/c/steps/s')).toBe('/courses/c/steps/s');
    expect(returnTo('https://evil.example/', '/fallback')).toBe('/fallback');
    expect(doneMessage('reported')).toContain('An educator will look');
    expect(doneMessage('toString')).toBeUndefined();
  });
});

describe('reports', () => {
  it('needs a known reason, and details when the reason is “Something else”', () => {
    expect(checkReport({})).toEqual({ ok: false, errors: { reason: 'Choose why you are reporting this comment.' } });
    expect(checkReport({ reason: 'made-up' })).toMatchObject({ ok: false });
    expect(checkReport({ reason: 'other', details: '  ' })).toMatchObject({ ok: false, errors: { details: expect.stringContaining('Tell the educators') } });
    expect(checkReport({ reason: 'spam', details: ' ' })).toEqual({ ok: true, reason: 'spam', details: '' });
    expect(checkReport({ reason: 'abuse', details: 'x'.repeat(1001) })).toMatchObject({ ok: false });
  });
});

describe('the comment rate limit', () => {
  it('allows 10 comments at once, refuses the 11th, and allows one more every 6 seconds', () => {
    let state;
    const t0 = 5_000_000;
    for (let i = 0; i < 10; i++) {
      const r = takeToken(rules.comment, state, t0);
      expect(r.allowed).toBe(true);
      state = r.state;
    }
    const refused = takeToken(rules.comment, state, t0);
    expect(refused).toMatchObject({ allowed: false, retryAfterSeconds: 6 });
    expect(takeToken(rules.comment, refused.state, t0 + 6_000).allowed).toBe(true);
  });
});
