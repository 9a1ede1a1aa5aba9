import { and, asc, count, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from './client';
import { joinCourse } from './enrolments';
import { perConnection } from './prepared';
import { accessCodeBatches, accessCodes, courseAccessGrants, nhsDomains, organisationMembers, organisations, users, verifiedEmails } from './schema';

export type AccessCodeBatchRow = typeof accessCodeBatches.$inferSelect;

export function listNhsDomains(db: Db): string[] {
  return db.select({ domain: nhsDomains.domain }).from(nhsDomains).orderBy(asc(nhsDomains.domain)).all().map((r) => r.domain);
}

/** Adds a domain; false when it was there already. */
export function addNhsDomain(db: Db, domain: string, now = new Date()): boolean {
  return db.insert(nhsDomains).values({ domain, addedAt: now }).onConflictDoNothing().run().changes === 1;
}

export function removeNhsDomain(db: Db, domain: string): boolean {
  return db.delete(nhsDomains).where(eq(nhsDomains.domain, domain)).run().changes === 1;
}

// Asked on every step of a tiered course, so prepared once: a code for this course, or an NHS address.
const upgradedQuery = perConnection((db) =>
  db
    .select({
      grant: sql<number>`exists (select 1 from ${courseAccessGrants} where ${courseAccessGrants.userId} = ${sql.placeholder('userId')} and ${courseAccessGrants.courseSlug} = ${sql.placeholder('courseSlug')})`,
      nhs: sql<number>`exists (select 1 from ${verifiedEmails} where ${verifiedEmails.userId} = ${sql.placeholder('userId')} and ${verifiedEmails.kind} = 'nhs')`,
    })
    .from(users)
    .where(eq(users.id, sql.placeholder('userId')))
    .prepare(),
);

/** How a learner has full access to a tiered course, if they do. */
export function upgradeFacts(db: Db, userId: string, courseSlug: string): { code: boolean; nhs: boolean } {
  const row = upgradedQuery(db).get({ userId, courseSlug });
  return { code: Boolean(row?.grant), nhs: Boolean(row?.nhs) };
}

/** Stores a batch and the hashes of its codes, all or nothing. */
export function insertCodeBatch(db: Db, batch: AccessCodeBatchRow, codeHashes: string[]): void {
  db.transaction((tx) => {
    tx.insert(accessCodeBatches).values(batch).run();
    for (const codeHash of codeHashes) tx.insert(accessCodes).values({ codeHash, batchId: batch.id }).run();
  });
}

/** Every batch, newest first, with how many of its codes are used and the organisation's name. */
export function listCodeBatches(db: Db, organisationId?: string) {
  return db
    .select({
      batch: accessCodeBatches,
      organisationName: organisations.name,
      used: sql<number>`(select count(*) from ${accessCodes} where ${accessCodes.batchId} = ${accessCodeBatches.id} and ${accessCodes.usedAt} is not null)`,
    })
    .from(accessCodeBatches)
    .leftJoin(organisations, eq(organisations.id, accessCodeBatches.organisationId))
    .where(organisationId ? eq(accessCodeBatches.organisationId, organisationId) : undefined)
    .orderBy(desc(accessCodeBatches.createdAt))
    .all();
}

/** How many of an organisation's codes exist, and how many are used. */
export function organisationCodeCounts(db: Db, organisationId: string): { total: number; used: number } {
  const rows = db
    .select({ used: isNotNull(accessCodes.usedAt), n: count() })
    .from(accessCodes)
    .innerJoin(accessCodeBatches, eq(accessCodeBatches.id, accessCodes.batchId))
    .where(eq(accessCodeBatches.organisationId, organisationId))
    .groupBy(isNotNull(accessCodes.usedAt))
    .all();
  const used = rows.filter((r) => Boolean(r.used)).reduce((sum, r) => sum + r.n, 0);
  return { total: rows.reduce((sum, r) => sum + r.n, 0), used };
}

/** A code with its batch, by the code's hash. */
export function findAccessCode(db: Db, codeHash: string) {
  return db
    .select({ code: accessCodes, batch: accessCodeBatches })
    .from(accessCodes)
    .innerJoin(accessCodeBatches, eq(accessCodeBatches.id, accessCodes.batchId))
    .where(eq(accessCodes.codeHash, codeHash))
    .get();
}

/**
 * Spends a code for the learner: marks it used, grants full access to its course, joins the course and the code's
 * organisation. One transaction; false when the code was used meanwhile, and then nothing has changed.
 */
export function spendAccessCode(db: Db, codeHash: string, userId: string, batch: AccessCodeBatchRow, now = new Date()): boolean {
  return db.transaction(
    (tx) => {
      const spent = tx
        .update(accessCodes)
        .set({ usedBy: userId, usedAt: now })
        .where(and(eq(accessCodes.codeHash, codeHash), sql`${accessCodes.usedAt} is null`))
        .run();
      if (spent.changes !== 1) return false;
      tx.insert(courseAccessGrants)
        .values({ userId, courseSlug: batch.courseSlug, codeHash, grantedAt: now })
        .onConflictDoNothing()
        .run();
      joinCourse(tx, userId, batch.courseSlug, now);
      if (batch.organisationId) {
        tx.insert(organisationMembers).values({ organisationId: batch.organisationId, userId, joinedAt: now }).onConflictDoNothing().run();
      }
      return true;
    },
    { behavior: 'immediate' },
  );
}
