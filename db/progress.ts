import { and, eq, sql } from 'drizzle-orm';
import { perConnection } from './prepared';
import type { Db } from './client';
import { enrolments, stepCompletions } from './schema';

/** Ids of the steps the learner has marked complete in the course. */
const completions = perConnection((db) =>
  db
    .select({ stepId: stepCompletions.stepId })
    .from(stepCompletions)
    .where(and(eq(stepCompletions.userId, sql.placeholder('userId')), eq(stepCompletions.courseSlug, sql.placeholder('courseSlug'))))
    .prepare(),
);

export function completedStepIds(db: Db, userId: string, courseSlug: string): Set<string> {
  return new Set(completions(db).all({ userId, courseSlug }).map((r) => r.stepId));
}

const marking = perConnection((db) => {
  const userId = sql.placeholder('userId');
  const courseSlug = sql.placeholder('courseSlug');
  const stepId = sql.placeholder('stepId');
  return {
    insert: db
      .insert(stepCompletions)
      .values({ userId, courseSlug, stepId, completedAt: sql.placeholder('now') })
      .onConflictDoNothing()
      .prepare(),
    remove: db
      .delete(stepCompletions)
      .where(and(eq(stepCompletions.userId, userId), eq(stepCompletions.courseSlug, courseSlug), eq(stepCompletions.stepId, stepId)))
      .prepare(),
    touch: db
      .update(enrolments)
      // A raw placeholder: the column's Date mapping does not apply, so this one is given milliseconds.
      .set({ lastActiveAt: sql`${sql.placeholder('nowMs')}` })
      .where(and(eq(enrolments.userId, userId), eq(enrolments.courseSlug, courseSlug)))
      .prepare(),
  };
});

/** Marks a step complete (or not) and notes the learner as active, in one transaction. Idempotent. */
export function setStepComplete(db: Db, userId: string, courseSlug: string, stepId: string, complete: boolean, now = new Date()): void {
  // The statements belong to this connection, so they run inside the transaction it opens.
  db.transaction(() => writeStepComplete(db, userId, courseSlug, stepId, complete, now));
}

/** setStepComplete's writes, for a caller that already holds a transaction (a nested one would cost a savepoint). */
export function writeStepComplete(tx: Db, userId: string, courseSlug: string, stepId: string, complete: boolean, now: Date): void {
  const statements = marking(tx);
  if (complete) statements.insert.run({ userId, courseSlug, stepId, now });
  else statements.remove.run({ userId, courseSlug, stepId });
  statements.touch.run({ userId, courseSlug, nowMs: now.getTime() });
}
