import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from './client';
import { setupTokens } from './schema';

/** Replaces any unused first-run link with a new one (only its hash is stored). */
export function replaceFirstAdminToken(db: Db, tokenHash: string, now: Date, expiresAt: Date): void {
  db.transaction((tx) => {
    tx.delete(setupTokens).where(and(eq(setupTokens.purpose, 'first-admin'), isNull(setupTokens.usedAt))).run();
    tx.insert(setupTokens).values({ tokenHash, purpose: 'first-admin', createdAt: now, expiresAt }).run();
  });
}

export function findUsableToken(db: Db, tokenHash: string, now = new Date()) {
  return db
    .select()
    .from(setupTokens)
    .where(and(eq(setupTokens.tokenHash, tokenHash), isNull(setupTokens.usedAt), gt(setupTokens.expiresAt, now)))
    .get();
}

/** Marks the link used; false if it was already used, so two tabs cannot both create an admin. */
export function useToken(db: Db, tokenHash: string, now = new Date()): boolean {
  const result = db
    .update(setupTokens)
    .set({ usedAt: now })
    .where(and(eq(setupTokens.tokenHash, tokenHash), isNull(setupTokens.usedAt)))
    .run();
  return result.changes === 1;
}
