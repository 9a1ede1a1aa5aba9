import { and, asc, desc, eq, inArray, isNotNull, or, sql, type SQLWrapper } from 'drizzle-orm';
import type { Db } from './client';
import { perConnection } from './prepared';
import { certificates, quizAttempts, stepCompletions, users } from './schema';

export type CertificateRow = typeof certificates.$inferSelect;

const learnersCertificate = perConnection((db) =>
  db
    .select()
    .from(certificates)
    .where(and(eq(certificates.userId, sql.placeholder('userId')), eq(certificates.courseSlug, sql.placeholder('courseSlug'))))
    .prepare(),
);

/** The learner's certificate for the course, if one was issued (read on every Progress page). */
export function findCertificate(db: Db, userId: string, courseSlug: string): CertificateRow | undefined {
  return learnersCertificate(db).get({ userId, courseSlug });
}

export function findCertificateByNumber(db: Db, number: string): CertificateRow | undefined {
  return db.select().from(certificates).where(eq(certificates.number, number)).get();
}

/** Stores the certificate unless the learner already has one for the course; returns the one that stands. */
export function insertCertificate(db: Db, row: CertificateRow): CertificateRow {
  db.insert(certificates).values(row).onConflictDoNothing().run();
  return findCertificate(db, row.userId, row.courseSlug) as CertificateRow;
}

export function setRevocation(db: Db, number: string, revoked: { at: Date; reason: string } | null): boolean {
  const result = db
    .update(certificates)
    .set({ revokedAt: revoked?.at ?? null, revokedReason: revoked?.reason ?? null })
    .where(eq(certificates.number, number))
    .run();
  return result.changes === 1;
}

/** Certificates whose number, learner name or learner email contains the text, newest first. */
export function searchCertificates(db: Db, text: string, limit = 50) {
  const pattern = `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  // LIKE with an ESCAPE clause, so a typed % or _ matches itself.
  const contains = (column: SQLWrapper) => sql`${column} LIKE ${pattern} ESCAPE '\\'`;
  return db
    .select({ certificate: certificates, email: users.email })
    .from(certificates)
    .innerJoin(users, eq(users.id, certificates.userId))
    .where(or(contains(certificates.number), contains(certificates.learnerName), contains(users.email)))
    .orderBy(desc(certificates.issuedAt))
    .limit(limit)
    .all();
}

/** When each of the learner's completed steps in the course was completed, earliest first. */
export function completionTimes(db: Db, userId: string, courseSlug: string): { stepId: string; completedAt: Date }[] {
  return db
    .select({ stepId: stepCompletions.stepId, completedAt: stepCompletions.completedAt })
    .from(stepCompletions)
    .where(and(eq(stepCompletions.userId, userId), eq(stepCompletions.courseSlug, courseSlug)))
    .orderBy(asc(stepCompletions.completedAt))
    .all();
}

/** When the learner first passed each of the given assessments. */
export function firstPasses(db: Db, userId: string, courseSlug: string, quizIds: string[]): Map<string, Date> {
  if (quizIds.length === 0) return new Map();
  const rows = db
    .select({ quizId: quizAttempts.quizId, submittedAt: quizAttempts.submittedAt })
    .from(quizAttempts)
    .where(
      and(
        eq(quizAttempts.userId, userId),
        eq(quizAttempts.courseSlug, courseSlug),
        eq(quizAttempts.passed, true),
        inArray(quizAttempts.quizId, quizIds),
        isNotNull(quizAttempts.submittedAt),
      ),
    )
    .orderBy(asc(quizAttempts.submittedAt))
    .all();
  const first = new Map<string, Date>();
  for (const row of rows) if (!first.has(row.quizId)) first.set(row.quizId, row.submittedAt);
  return first;
}
