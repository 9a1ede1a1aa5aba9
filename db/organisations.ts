import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Db } from './client';
import { certificates, enrolments, organisationManagers, organisationMembers, organisations, quizAttempts, stepCompletions, users } from './schema';

export type OrganisationRow = typeof organisations.$inferSelect;

/** Creates the organisation; null when one of that name (in any case) exists. */
export function insertOrganisation(db: Db, row: OrganisationRow): OrganisationRow | null {
  return db.transaction((tx) => {
    const clash = tx.select({ id: organisations.id }).from(organisations).where(sql`lower(${organisations.name}) = lower(${row.name})`).get();
    if (clash) return null;
    tx.insert(organisations).values(row).run();
    return row;
  });
}

export function findOrganisation(db: Db, id: string): OrganisationRow | undefined {
  return db.select().from(organisations).where(eq(organisations.id, id)).get();
}

/** Every organisation by name, with its number of learners. */
export function listOrganisations(db: Db) {
  return db
    .select({
      organisation: organisations,
      members: sql<number>`(select count(*) from ${organisationMembers} where ${organisationMembers.organisationId} = ${organisations.id})`,
    })
    .from(organisations)
    .orderBy(asc(organisations.name))
    .all();
}

export function listManagers(db: Db, organisationId: string) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(organisationManagers)
    .innerJoin(users, eq(users.id, organisationManagers.userId))
    .where(eq(organisationManagers.organisationId, organisationId))
    .orderBy(asc(users.email))
    .all();
}

/** Names a manager; false when they manage it already. */
export function addManager(db: Db, organisationId: string, userId: string, now = new Date()): boolean {
  return db.insert(organisationManagers).values({ organisationId, userId, addedAt: now }).onConflictDoNothing().run().changes === 1;
}

export function removeManager(db: Db, organisationId: string, userId: string): boolean {
  return (
    db
      .delete(organisationManagers)
      .where(and(eq(organisationManagers.organisationId, organisationId), eq(organisationManagers.userId, userId)))
      .run().changes === 1
  );
}

/** The organisations a user manages, by name. */
export function managedOrganisations(db: Db, userId: string): OrganisationRow[] {
  return db
    .select({ organisation: organisations })
    .from(organisationManagers)
    .innerJoin(organisations, eq(organisations.id, organisationManagers.organisationId))
    .where(eq(organisationManagers.userId, userId))
    .orderBy(asc(organisations.name))
    .all()
    .map((r) => r.organisation);
}

export function isManager(db: Db, organisationId: string, userId: string): boolean {
  const row = db
    .select({ n: count() })
    .from(organisationManagers)
    .where(and(eq(organisationManagers.organisationId, organisationId), eq(organisationManagers.userId, userId)))
    .get();
  return (row?.n ?? 0) > 0;
}

/** The organisations a learner belongs to, by name. */
export function memberships(db: Db, userId: string): OrganisationRow[] {
  return db
    .select({ organisation: organisations })
    .from(organisationMembers)
    .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
    .where(eq(organisationMembers.userId, userId))
    .orderBy(asc(organisations.name))
    .all()
    .map((r) => r.organisation);
}

const membersOf = (organisationId: string) =>
  sql`${sql.identifier('user_id')} in (select ${organisationMembers.userId} from ${organisationMembers} where ${organisationMembers.organisationId} = ${organisationId})`;

/**
 * What a manager's report is made of, for one organisation's learners only: each learner with the courses they
 * joined, their completed steps, passed assessments and certificates. Every query is scoped to the members.
 */
export function organisationActivity(db: Db, organisationId: string) {
  const learners = db
    .select({ userId: users.id, name: users.name, email: users.email, profession: users.profession, memberSince: organisationMembers.joinedAt })
    .from(organisationMembers)
    .innerJoin(users, eq(users.id, organisationMembers.userId))
    .where(eq(organisationMembers.organisationId, organisationId))
    .orderBy(asc(users.name), asc(users.email))
    .all();
  const joined = db
    .select({ userId: enrolments.userId, courseSlug: enrolments.courseSlug, joinedAt: enrolments.joinedAt })
    .from(enrolments)
    .where(membersOf(organisationId))
    .all();
  const completions = db
    .select({ userId: stepCompletions.userId, courseSlug: stepCompletions.courseSlug, stepId: stepCompletions.stepId })
    .from(stepCompletions)
    .where(membersOf(organisationId))
    .all();
  const passes = db
    .selectDistinct({ userId: quizAttempts.userId, courseSlug: quizAttempts.courseSlug, quizId: quizAttempts.quizId })
    .from(quizAttempts)
    .where(and(membersOf(organisationId), eq(quizAttempts.passed, true), eq(quizAttempts.kind, 'assessment')))
    .all();
  const issued = db
    .select({ userId: certificates.userId, courseSlug: certificates.courseSlug, issuedAt: certificates.issuedAt, revokedAt: certificates.revokedAt })
    .from(certificates)
    .where(membersOf(organisationId))
    .all();
  return { learners, joined, completions, passes, issued };
}
export type OrganisationActivity = ReturnType<typeof organisationActivity>;
