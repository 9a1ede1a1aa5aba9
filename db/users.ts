import { eq, sql } from 'drizzle-orm';
import type { Db } from './client';
import { perConnection } from './prepared';
import { users, type Role } from './schema';

export type UserRow = typeof users.$inferSelect;

export interface NewUser {
  id: string;
  email: string;
  passwordHash: string;
  name: string;
  profession: string;
  role?: Role;
}

/** Creates the account, or returns null when the email already has one (checked by the unique index). */
export function insertUser(db: Db, user: NewUser): UserRow | null {
  const rows = db
    .insert(users)
    .values({ ...user, email: user.email.toLowerCase(), createdAt: new Date() })
    .onConflictDoNothing({ target: users.email })
    .returning()
    .all();
  return rows[0] ?? null;
}

export function findUserByEmail(db: Db, email: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.email, email.toLowerCase())).get();
}

const byId = perConnection((db) => db.select().from(users).where(eq(users.id, sql.placeholder('id'))).prepare());

export function findUserById(db: Db, id: string): UserRow | undefined {
  return byId(db).get({ id });
}

export function updateUserName(db: Db, id: string, name: string, profession: string): void {
  db.update(users).set({ name, profession }).where(eq(users.id, id)).run();
}

export function updateUserPasswordHash(db: Db, id: string, passwordHash: string): void {
  db.update(users).set({ passwordHash }).where(eq(users.id, id)).run();
}

export function countAdmins(db: Db): number {
  const row = db.select({ n: sql<number>`count(*)` }).from(users).where(eq(users.role, 'admin')).get();
  return row?.n ?? 0;
}
