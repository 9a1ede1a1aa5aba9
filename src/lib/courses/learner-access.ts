import type { User } from 'lucia';
import { getDb } from '../../../db/client';
import { findEnrolment, type EnrolmentRow } from '../../../db/enrolments';
import { learnerTier } from '../access/learner';
import type { Tier } from '../access/tiers';
import { getCourse, type Course } from './catalog';

export type LearnerAccess =
  | { kind: 'unknown-course' }
  | { kind: 'not-joined'; course: Course }
  | { kind: 'joined'; course: Course; user: User; enrolment: EnrolmentRow };

/** Whether the person may study the course: it exists, they are signed in, and they have joined it. */
export async function learnerAccess(courseSlug: string | undefined, user: User | null): Promise<LearnerAccess> {
  const course = await getCourse(courseSlug);
  if (!course) return { kind: 'unknown-course' };
  const enrolment = user ? findEnrolment(getDb(), user.id, course.slug) : undefined;
  if (!user || !enrolment) return { kind: 'not-joined', course };
  return { kind: 'joined', course, user, enrolment };
}

/**
 * Where a learner's page sends someone who may not see it: to sign in and come back (a session that ran out
 * should not lose the way), or, signed in but not joined, to the course page to join.
 */
export function notJoinedRedirect(access: Extract<LearnerAccess, { kind: 'not-joined' }>, user: User | null, here: string): string {
  return user ? `/courses/${access.course.slug}` : `/signin?next=${encodeURIComponent(here)}`;
}

/**
 * The joined learner's tier (src/lib/access/tiers.ts): full, or limited to the steps until it ends. Open courses
 * cost no query, so the step pages of the shipped course stay as fast as before.
 */
export function joinedTier(access: Extract<LearnerAccess, { kind: 'joined' }>, now = new Date()): Tier {
  return learnerTier(getDb(), access.course, access.user.id, access.enrolment.joinedAt, now);
}
