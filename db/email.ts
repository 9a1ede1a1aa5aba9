import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from './client';
import { perConnection } from './prepared';
import { emailOutbox, emailTokens, verifiedEmails, type EmailTokenPurpose, type VerifiedEmailKind } from './schema';

export type OutboxRow = typeof emailOutbox.$inferSelect;
export type EmailTokenRow = typeof emailTokens.$inferSelect;
export type VerifiedEmailRow = typeof verifiedEmails.$inferSelect;

export function insertOutboxMessage(db: Db, row: OutboxRow): void {
  db.insert(emailOutbox).values(row).run();
}

/** The newest messages first. */
export function listOutbox(db: Db, limit = 100): OutboxRow[] {
  return db.select().from(emailOutbox).orderBy(desc(emailOutbox.createdAt)).limit(limit).all();
}

export function insertEmailToken(db: Db, row: Omit<EmailTokenRow, 'usedAt'>): void {
  db.insert(emailTokens).values(row).run();
}

/** A link's row by the hash of its token, used or not, so the page can say which. */
export function findEmailToken(db: Db, tokenHash: string): EmailTokenRow | undefined {
  return db.select().from(emailTokens).where(eq(emailTokens.tokenHash, tokenHash)).get();
}

/** Marks the link used; false when it was already used or has expired, so two tabs cannot both use it. */
export function useEmailToken(db: Db, tokenHash: string, now: Date): boolean {
  const result = db
    .update(emailTokens)
    .set({ usedAt: now })
    .where(and(eq(emailTokens.tokenHash, tokenHash), isNull(emailTokens.usedAt), gt(emailTokens.expiresAt, now)))
    .run();
  return result.changes === 1;
}

/** Spends every unused link of one purpose, e.g. other reset links once the password has been reset. */
export function spendEmailTokens(db: Db, userId: string, purpose: EmailTokenPurpose, now: Date): void {
  db.update(emailTokens)
    .set({ usedAt: now })
    .where(and(eq(emailTokens.userId, userId), eq(emailTokens.purpose, purpose), isNull(emailTokens.usedAt)))
    .run();
}

const verified = perConnection((db) =>
  db
    .select()
    .from(verifiedEmails)
    .where(and(eq(verifiedEmails.userId, sql.placeholder('userId')), eq(verifiedEmails.kind, sql.placeholder('kind'))))
    .prepare(),
);

export function findVerifiedEmail(db: Db, userId: string, kind: VerifiedEmailKind): VerifiedEmailRow | undefined {
  return verified(db).get({ userId, kind });
}

/** Whose account an address already verifies, if anyone's. */
export function findVerifiedEmailOwner(db: Db, kind: VerifiedEmailKind, email: string): string | undefined {
  return db
    .select({ userId: verifiedEmails.userId })
    .from(verifiedEmails)
    .where(and(eq(verifiedEmails.kind, kind), eq(verifiedEmails.email, email.toLowerCase())))
    .get()?.userId;
}

/** Records a verified address, replacing the user's earlier one of that kind. */
export function recordVerifiedEmail(db: Db, userId: string, kind: VerifiedEmailKind, email: string, now: Date): void {
  const values = { userId, kind, email: email.toLowerCase(), verifiedAt: now };
  db.insert(verifiedEmails)
    .values(values)
    .onConflictDoUpdate({ target: [verifiedEmails.userId, verifiedEmails.kind], set: { email: values.email, verifiedAt: now } })
    .run();
}
