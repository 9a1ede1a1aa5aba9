import { describe, expect, it } from 'vitest';
import { limitedAccessEnds, stepLock, tierFor } from '../../../src/lib/access/tiers';

const joinedAt = new Date('2026-03-01T09:00:00Z');
const day = 24 * 60 * 60 * 1000;

describe('access tiers', () => {
  it('gives everyone full access to an open course, however long ago they joined', () => {
    expect(tierFor({ access: 'open', weeks: 6, joinedAt, upgraded: false, now: new Date('2030-01-01') })).toEqual({ tier: 'full' });
  });

  it('gives limited access to a tiered course for its weeks plus 14 days from joining', () => {
    // Six weeks and 14 days: 56 days.
    expect(limitedAccessEnds(joinedAt, 6)).toEqual(new Date(joinedAt.getTime() + 56 * day));
    const justBefore = new Date(joinedAt.getTime() + 56 * day - 1);
    expect(tierFor({ access: 'tiered', weeks: 6, joinedAt, upgraded: false, now: justBefore })).toEqual({
      tier: 'limited',
      endsAt: limitedAccessEnds(joinedAt, 6),
      expired: false,
    });
    const atTheEnd = new Date(joinedAt.getTime() + 56 * day);
    expect(tierFor({ access: 'tiered', weeks: 6, joinedAt, upgraded: false, now: atTheEnd })).toMatchObject({ tier: 'limited', expired: true });
  });

  it('gives full access to an upgraded learner, with no end', () => {
    expect(tierFor({ access: 'tiered', weeks: 2, joinedAt, upgraded: true, now: new Date('2040-01-01') })).toEqual({ tier: 'full' });
  });

  it('locks tests and the assessment for limited learners, and every step once limited access ends', () => {
    const limited = tierFor({ access: 'tiered', weeks: 2, joinedAt, upgraded: false, now: joinedAt });
    const ended = tierFor({ access: 'tiered', weeks: 2, joinedAt, upgraded: false, now: new Date(joinedAt.getTime() + 28 * day) });
    expect(stepLock(limited, 'article')).toBe('none');
    expect(stepLock(limited, 'video')).toBe('none');
    expect(stepLock(limited, 'quiz')).toBe('upgrade');
    expect(stepLock(limited, 'assessment')).toBe('upgrade');
    expect(stepLock(ended, 'article')).toBe('expired');
    expect(stepLock({ tier: 'full' }, 'assessment')).toBe('none');
  });
});
