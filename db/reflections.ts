import { and, eq } from 'drizzle-orm';
import type { Db } from './client';
import { reflections } from './schema';

export type ReflectionRow = typeof reflections.$inferSelect;

export function listReflections(db: Db, userId: string, courseSlug: string): Map<number, ReflectionRow> {
  const rows = db
    .select()
    .from(reflections)
    .where(and(eq(reflections.userId, userId), eq(reflections.courseSlug, courseSlug)))
    .all();
  return new Map(rows.map((r) => [r.week, r]));
}

export function saveReflection(db: Db, row: ReflectionRow): void {
  db.insert(reflections)
    .values(row)
    .onConflictDoUpdate({
      target: [reflections.userId, reflections.courseSlug, reflections.week],
      set: { learned: row.learned, apply: row.apply, next: row.next, updatedAt: row.updatedAt },
    })
    .run();
}
