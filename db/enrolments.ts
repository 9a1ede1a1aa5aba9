import { and, eq, sql } from 'drizzle-orm';
import { perConnection } from './prepared';
import type { Db } from './client';
import { enrolments } from './schema';

export type EnrolmentRow = typeof enrolments.$inferSelect;

const enrolment = perConnection((db) =>
  db
    .select()
    .from(enrolments)
    .where(and(eq(enrolments.userId, sql.placeholder('userId')), eq(enrolments.courseSlug, sql.placeholder('courseSlug'))))
    .prepare(),
);

export function findEnrolment(db: Db, userId: string, courseSlug: string): EnrolmentRow | undefined {
  return enrolment(db).get({ userId, courseSlug });
}

/** Joins the course; joining twice keeps the first join date. */
export function joinCourse(db: Db, userId: string, courseSlug: string, now = new Date()): void {
  db.insert(enrolments)
    .values({ userId, courseSlug, joinedAt: now, lastActiveAt: now })
    .onConflictDoNothing()
    .run();
}

export function listEnrolments(db: Db, userId: string): EnrolmentRow[] {
  return db.select().from(enrolments).where(eq(enrolments.userId, userId)).all();
}
