/** Access tiers, per learner and course. Pure: the facts come from the database through ./learner.ts. */
import type { CourseData, StepType } from '../courses/schema';

/** Full: every step, tests, the assessment and the certificate. Limited: the steps only, until `endsAt`. */
export type Tier = { tier: 'full' } | { tier: 'limited'; endsAt: Date; expired: boolean };

export const fullAccess: Tier = { tier: 'full' };

/** Limited access lasts the course's length plus this many days from joining. */
export const limitedGraceDays = 14;

const dayMs = 24 * 60 * 60 * 1000;

/** When limited access ends: the course's weeks plus 14 days after joining. */
export function limitedAccessEnds(joinedAt: Date, weeks: number): Date {
  return new Date(joinedAt.getTime() + (weeks * 7 + limitedGraceDays) * dayMs);
}

export interface TierFacts {
  /** The course's setting in course.yaml. */
  access: CourseData['access'];
  weeks: number;
  joinedAt: Date;
  /** A redeemed code for this course, or a verified NHS address. */
  upgraded: boolean;
  now: Date;
}

/** Open courses give everyone full access; tiered ones give limited access until the learner upgrades. */
export function tierFor(facts: TierFacts): Tier {
  if (facts.access === 'open' || facts.upgraded) return fullAccess;
  const endsAt = limitedAccessEnds(facts.joinedAt, facts.weeks);
  return { tier: 'limited', endsAt, expired: facts.now.getTime() >= endsAt.getTime() };
}

/** What a tier allows on a step: everything; all but its test ('upgrade'); or only what was done ('expired'). */
export type StepLock = 'none' | 'upgrade' | 'expired';

export function stepLock(tier: Tier, type: StepType): StepLock {
  if (tier.tier === 'full') return 'none';
  if (tier.expired) return 'expired';
  return type === 'quiz' || type === 'assessment' ? 'upgrade' : 'none';
}
