import { and, desc, eq, max, sql } from 'drizzle-orm';
import { perConnection } from './prepared';
import type { Db } from './client';
import { quizAttempts } from './schema';

export type QuizAttemptRow = typeof quizAttempts.$inferSelect;

const inserting = perConnection((db) =>
  db
    .insert(quizAttempts)
    .values({
      id: sql.placeholder('id'),
      userId: sql.placeholder('userId'),
      courseSlug: sql.placeholder('courseSlug'),
      quizId: sql.placeholder('quizId'),
      kind: sql.placeholder('kind'),
      score: sql.placeholder('score'),
      passed: sql.placeholder('passed'),
      answers: sql.placeholder('answers'),
      layout: sql.placeholder('layout'),
      submittedAt: sql.placeholder('submittedAt'),
    })
    .prepare(),
);

export function insertAttempt(db: Db, row: QuizAttemptRow): void {
  // Placeholders in values() keep the columns' conversions (boolean to 0/1, Date to milliseconds).
  inserting(db).run(row);
}

export function findAttempt(db: Db, userId: string, attemptId: string): QuizAttemptRow | undefined {
  return db
    .select()
    .from(quizAttempts)
    .where(and(eq(quizAttempts.id, attemptId), eq(quizAttempts.userId, userId)))
    .get();
}

export function listAttempts(db: Db, userId: string, courseSlug: string, quizId: string): QuizAttemptRow[] {
  return db
    .select()
    .from(quizAttempts)
    .where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.courseSlug, courseSlug), eq(quizAttempts.quizId, quizId)))
    .orderBy(desc(quizAttempts.submittedAt))
    .all();
}

/** The best score per test or assessment the learner has tried in the course. */
const best = perConnection((db) =>
  db
    .select({ quizId: quizAttempts.quizId, best: max(quizAttempts.score) })
    .from(quizAttempts)
    .where(and(eq(quizAttempts.userId, sql.placeholder('userId')), eq(quizAttempts.courseSlug, sql.placeholder('courseSlug'))))
    .groupBy(quizAttempts.quizId)
    .prepare(),
);

export function bestScores(db: Db, userId: string, courseSlug: string): Map<string, number> {
  return new Map(best(db).all({ userId, courseSlug }).map((r) => [r.quizId, r.best ?? 0]));
}

/** Bank ids of the assessments the learner has passed in the course. */
const passed = perConnection((db) =>
  db
    .selectDistinct({ quizId: quizAttempts.quizId })
    .from(quizAttempts)
    .where(
      and(
        eq(quizAttempts.userId, sql.placeholder('userId')),
        eq(quizAttempts.courseSlug, sql.placeholder('courseSlug')),
        eq(quizAttempts.passed, true),
      ),
    )
    .prepare(),
);

export function passedQuizIds(db: Db, userId: string, courseSlug: string): Set<string> {
  return new Set(passed(db).all({ userId, courseSlug }).map((r) => r.quizId));
}
