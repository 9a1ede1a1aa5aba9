import { and, eq } from 'drizzle-orm';
import type { Db } from './client';
import { enrolments, stepCompletions } from './schema';

/** Ids of the steps the learner has marked complete in the course. */
export function completedStepIds(db: Db, userId: string, courseSlug: string): Set<string> {
  const rows = db
    .select({ stepId: stepCompletions.stepId })
    .from(stepCompletions)
    .where(and(eq(stepCompletions.userId, userId), eq(stepCompletions.courseSlug, courseSlug)))
    .all();
  return new Set(rows.map((r) => r.stepId));
}

/** Marks a step complete (or not) and notes the learner as active, in one transaction. Idempotent. */
export function setStepComplete(db: Db, userId: string, courseSlug: string, stepId: string, complete: boolean, now = new Date()): void {
  db.transaction((tx) => {
    if (complete) {
      tx.insert(stepCompletions).values({ userId, courseSlug, stepId, completedAt: now }).onConflictDoNothing().run();
    } else {
      tx.delete(stepCompletions)
        .where(and(eq(stepCompletions.userId, userId), eq(stepCompletions.courseSlug, courseSlug), eq(stepCompletions.stepId, stepId)))
        .run();
    }
    tx.update(enrolments)
      .set({ lastActiveAt: now })
      .where(and(eq(enrolments.userId, userId), eq(enrolments.courseSlug, courseSlug)))
      .run();
  });
}
