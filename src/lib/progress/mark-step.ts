import type { Db } from '../../../db/client';
import { completedStepIds, setStepComplete } from '../../../db/progress';
import type { Course } from '../courses/catalog';
import { coursePercent } from './summary';

export interface Marked {
  complete: boolean;
  /** The course's share done afterwards, for the header. */
  percent: number;
}

/** Marks a step complete, or not (idempotent either way), and reads back the course's percentage. */
export function markStep(db: Db, course: Course, userId: string, stepId: string, complete: boolean): Marked {
  setStepComplete(db, userId, course.slug, stepId, complete);
  return { complete, percent: coursePercent(course.outline, completedStepIds(db, userId, course.slug)) };
}
