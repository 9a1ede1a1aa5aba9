/** What admins change about accounts: roles, the courses an educator teaches, disabling; and demo data. */
import { count, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from './client';
import { certificates, comments, courseEducators, enrolments, quizAttempts, sessions, stepCompletions, users, type Role } from './schema';

export type UserRow = typeof users.$inferSelect;

/**
 * Whether any of the columns contains the text, case-insensitively (SQLite's LIKE, for ASCII letters). ESCAPE makes
 * a typed % or _ match itself: Drizzle's like() writes no ESCAPE clause.
 */
export function containsText(text: string, ...columns: AnySQLiteColumn[]): SQL | undefined {
  if (!text) return undefined;
  const pattern = `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return or(...columns.map((column) => sql`${column} like ${pattern} escape '\\'`));
}

/** People whose name or email contains the text (everyone when it is empty), newest accounts first. */
export function searchUsers(db: Db, text: string, limit = 50): { rows: UserRow[]; total: number } {
  const where = containsText(text, users.name, users.email);
  const rows = db.select().from(users).where(where).orderBy(desc(users.createdAt)).limit(limit).all();
  const total = db.select({ n: count() }).from(users).where(where).get()?.n ?? 0;
  return { rows, total };
}

/** How many accounts have an email address at the domain. */
export function countUsersAt(db: Db, domain: string): number {
  return db.select({ n: count() }).from(users).where(containsText(`@${domain}`, users.email)).get()?.n ?? 0;
}

/**
 * Sets the role and, for an educator, the courses they teach, in one transaction. Other roles teach nothing here:
 * admins see every course already, and a learner must not keep an educator's access.
 */
export function setRoleAndCourses(db: Db, userId: string, role: Role, courseSlugs: readonly string[]): void {
  db.transaction((tx) => {
    tx.update(users).set({ role }).where(eq(users.id, userId)).run();
    tx.delete(courseEducators).where(eq(courseEducators.userId, userId)).run();
    if (role === 'educator' && courseSlugs.length > 0) {
      tx.insert(courseEducators)
        .values(courseSlugs.map((courseSlug) => ({ userId, courseSlug })))
        .run();
    }
  });
}

/** Disables the account and ends every session it has, at once; or enables it again (`at` null). */
export function setDisabled(db: Db, userId: string, at: Date | null): void {
  db.transaction((tx) => {
    tx.update(users).set({ disabledAt: at }).where(eq(users.id, userId)).run();
    if (at) tx.delete(sessions).where(eq(sessions.userId, userId)).run();
  });
}

// --- Demo data (scripts/seed-demo.ts)

export interface DemoBatch {
  users: (typeof users.$inferInsert)[];
  enrolments: (typeof enrolments.$inferInsert)[];
  stepCompletions: (typeof stepCompletions.$inferInsert)[];
  quizAttempts: (typeof quizAttempts.$inferInsert)[];
  certificates: (typeof certificates.$inferInsert)[];
  comments: (typeof comments.$inferInsert)[];
}

/**
 * Inserts the rows through prepared statements, one per set of fields given (null fields are left to the column):
 * building SQL for each row, or for long multi-row INSERTs, cost several times more than SQLite's own work.
 */
function insertMany<T extends SQLiteTable>(db: Db, table: T, rows: T['$inferInsert'][]): void {
  const statements = new Map<string, { run: (values: Record<string, unknown>) => unknown }>();
  for (const row of rows) {
    const keys = Object.keys(row).filter((key) => row[key as keyof typeof row] != null);
    const signature = keys.join();
    let statement = statements.get(signature);
    if (!statement) {
      const fields = Object.fromEntries(keys.map((key) => [key, sql.placeholder(key)]));
      statement = db.insert(table).values(fields as T['$inferInsert']).prepare();
      statements.set(signature, statement);
    }
    statement.run(row);
  }
}

/** Stores a batch of demo learners and everything they did, in one transaction, parents before children. */
export function insertDemoBatch(db: Db, batch: DemoBatch): void {
  db.transaction((tx) => {
    insertMany(tx, users, batch.users);
    insertMany(tx, enrolments, batch.enrolments);
    insertMany(tx, stepCompletions, batch.stepCompletions);
    insertMany(tx, quizAttempts, batch.quizAttempts);
    insertMany(tx, certificates, batch.certificates);
    // Replies refer to comments of the same batch, which come first in the list.
    insertMany(tx, comments, batch.comments);
  });
}
