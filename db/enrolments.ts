import { and, eq } from 'drizzle-orm';
import type { Db } from './client';
import { enrolments } from './schema';

export type EnrolmentRow = typeof enrolments.$inferSelect;

export function findEnrolment(db: Db, userId: string, courseSlug: string): EnrolmentRow | undefined {
  return db
    .select()
    .from(enrolments)
    .where(and(eq(enrolments.userId, userId), eq(enrolments.courseSlug, courseSlug)))
    .get();
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
