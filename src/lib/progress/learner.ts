import type { Db } from '../../../db/client';
import { completedStepIds } from '../../../db/progress';
import { passedQuizIds } from '../../../db/quiz-attempts';
import type { Course } from '../courses/catalog';
import { summariseProgress, type ProgressSummary } from './summary';

/** A learner's progress in a course, read from the database. */
export function learnerProgress(db: Db, course: Course, userId: string): ProgressSummary {
  return summariseProgress(
    course.outline,
    course.data.completion.threshold,
    completedStepIds(db, userId, course.slug),
    passedQuizIds(db, userId, course.slug),
  );
}
