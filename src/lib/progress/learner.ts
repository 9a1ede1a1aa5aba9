import type { Db } from '../../../db/client';
import { findEnrolment } from '../../../db/enrolments';
import { completedStepIds } from '../../../db/progress';
import { passedQuizIds } from '../../../db/quiz-attempts';
import { findUserById } from '../../../db/users';
import { learnerTier } from '../access/learner';
import type { Course } from '../courses/catalog';
import { isEmailVerified } from '../email/verification';
import { summariseProgress, type ProgressSummary } from './summary';

/** A learner's progress in a course, read from the database, with their tier and email confirmation for the rule. */
export function learnerProgress(db: Db, course: Course, userId: string, now = new Date()): ProgressSummary {
  const user = findUserById(db, userId);
  const joinedAt = findEnrolment(db, userId, course.slug)?.joinedAt ?? now;
  return summariseProgress(
    course.outline,
    course.data.completion.threshold,
    completedStepIds(db, userId, course.slug),
    passedQuizIds(db, userId, course.slug),
    { tier: learnerTier(db, course, userId, joinedAt, now).tier, emailVerified: user ? isEmailVerified(db, user) : false },
  );
}
