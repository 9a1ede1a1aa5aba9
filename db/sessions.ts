import { eq, lt, sql } from 'drizzle-orm';
import { perConnection } from './prepared';
import type { Db } from './client';
import { sessions, users } from './schema';

export type SessionRow = typeof sessions.$inferSelect;
export type SessionUserRow = typeof users.$inferSelect;

/** Sessions are found by the SHA-256 of their token; callers hash. */
const sessionWithUser = perConnection((db) =>
  db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.idHash, sql.placeholder('idHash')))
    .prepare(),
);

export function findSessionWithUser(db: Db, idHash: string): { session: SessionRow; user: SessionUserRow } | undefined {
  return sessionWithUser(db).get({ idHash });
}

export function listUserSessions(db: Db, userId: string): SessionRow[] {
  return db.select().from(sessions).where(eq(sessions.userId, userId)).all();
}

export function insertSession(db: Db, row: SessionRow): void {
  db.insert(sessions).values(row).run();
}

export function setSessionExpiry(db: Db, idHash: string, expiresAt: Date): void {
  db.update(sessions).set({ expiresAt }).where(eq(sessions.idHash, idHash)).run();
}

export function deleteSession(db: Db, idHash: string): void {
  db.delete(sessions).where(eq(sessions.idHash, idHash)).run();
}

export function deleteUserSessions(db: Db, userId: string): void {
  db.delete(sessions).where(eq(sessions.userId, userId)).run();
}

export function deleteExpiredSessions(db: Db, now = new Date()): void {
  db.delete(sessions).where(lt(sessions.expiresAt, now)).run();
}
