/**
 * The console's numbers, counted by SQLite: every function here is one or two aggregate queries over indexed
 * columns, so a page costs the same whether a course has ten learners or ten thousand.
 */
import { and, asc, count, desc, eq, gte, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { containsText } from './admin';
import type { Db } from './client';
import { certificates, comments, enrolments, quizAttempts, stepCompletions, users } from './schema';
import { isFiltered, type ConsoleFilter } from '../src/lib/analytics/filters';
import type { FunnelCounts } from '../src/lib/analytics/funnel';
import type { LearnerQuery, LearnerRecord } from '../src/lib/analytics/learners';
import type { CourseScope } from '../src/lib/analytics/scope';
import { medianWindow } from '../src/lib/analytics/stats';
import { weekIndexSql } from '../src/lib/analytics/weeks';

/** The course's enrolments that the filter keeps; every query below joins enrolments to users. */
function enrolled(courseSlug: string, filter: ConsoleFilter): SQL | undefined {
  return and(
    eq(enrolments.courseSlug, courseSlug),
    filter.joinedFrom && gte(enrolments.joinedAt, filter.joinedFrom),
    filter.joinedBefore && lt(enrolments.joinedAt, filter.joinedBefore),
    filter.profession && eq(users.profession, filter.profession),
  );
}

const sameLearner = (table: { userId: AnySQLiteColumn; courseSlug: AnySQLiteColumn }) =>
  and(eq(table.userId, enrolments.userId), eq(table.courseSlug, enrolments.courseSlug));

// Per-learner figures, correlated with the enrolment row: each is a range read of a primary key or index.

/** Ids of the steps anyone has completed in the course, hopping through the index: one seek per distinct step. */
function stepIdsWithCompletions(db: Db, courseSlug: string): string[] {
  const next = sql`select min(${stepCompletions.stepId}) from ${stepCompletions} where ${stepCompletions.courseSlug} = ${courseSlug}`;
  return db
    .all<{ id: string }>(sql`with recursive found(id) as (${next} union all select (${next} and ${stepCompletions.stepId} > found.id) from found where found.id is not null)
      select id from found where id is not null`)
    .map((r) => r.id);
}

/**
 * Steps completed that are still in the course. Counting all of a learner's completions is one range read of the
 * primary key; completions of steps since removed from the course (rare) are then subtracted, which costs far less
 * than testing every completion against the list of current steps.
 */
function stepsDone(db: Db, scope: CourseScope): SQL<number> {
  const current = new Set(scope.stepIds);
  const removed = stepIdsWithCompletions(db, scope.courseSlug).filter((id) => !current.has(id));
  const all = sql<number>`(select count(*) from ${stepCompletions} where ${sameLearner(stepCompletions)})`;
  if (removed.length === 0) return all;
  return sql<number>`(${all} - (select count(*) from ${stepCompletions} where ${sameLearner(stepCompletions)} and ${inArray(stepCompletions.stepId, removed)}))`;
}

/** Assessments of the course passed at least once. */
const assessmentsPassed = (scope: CourseScope) =>
  sql<number>`(select count(distinct ${quizAttempts.quizId}) from ${quizAttempts} where ${sameLearner(quizAttempts)} and ${quizAttempts.passed} = 1 and ${inArray(quizAttempts.quizId, scope.assessmentIds)})`;

const holdsCertificate = sql<number>`exists (select 1 from ${certificates} where ${sameLearner(certificates)} and ${certificates.revokedAt} is null)`;

const sumOf = (condition: SQL) => sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`.mapWith(Number);

/** Enrolled, started, halfway, eligible and certified, in one pass over the course's enrolments. */
export function funnelCounts(db: Db, scope: CourseScope, filter: ConsoleFilter): FunnelCounts {
  const learners = db
    .select({ done: stepsDone(db, scope).as('done'), passed: assessmentsPassed(scope).as('passed'), certified: holdsCertificate.as('certified') })
    .from(enrolments)
    .innerJoin(users, eq(users.id, enrolments.userId))
    .where(enrolled(scope.courseSlug, filter));
  const eligible = scope.required === null ? sql`0` : sql`done >= ${scope.required} and passed >= ${scope.assessmentIds.length}`;
  // MATERIALIZED: otherwise SQLite copies the per-learner subqueries into each sum below and runs them three times.
  const row = db.get<Record<keyof FunnelCounts, number | null>>(sql`
    with learner as materialized ${learners}
    select count(*) as enrolled,
      sum(done > 0) as started,
      sum(done >= ${scope.halfway}) as halfway,
      sum(${eligible}) as eligible,
      sum(certified) as certified
    from learner`);
  return {
    enrolled: row.enrolled ?? 0,
    started: row.started ?? 0,
    halfway: row.halfway ?? 0,
    eligible: row.eligible ?? 0,
    certified: row.certified ?? 0,
  };
}

/**
 * The median time from joining to the certificate, in milliseconds, over the `certified` learners the funnel
 * counted: only the middle one or two durations come back.
 */
export function medianTimeToCertificate(db: Db, scope: CourseScope, filter: ConsoleFilter, certified: number): number | null {
  const { offset, take } = medianWindow(certified);
  if (take === 0) return null;
  const duration = sql<number>`${certificates.issuedAt} - ${enrolments.joinedAt}`.mapWith(Number);
  const middle = db
    .select({ ms: duration })
    .from(certificates)
    .innerJoin(enrolments, and(eq(enrolments.userId, certificates.userId), eq(enrolments.courseSlug, certificates.courseSlug)))
    .innerJoin(users, eq(users.id, enrolments.userId))
    .where(and(enrolled(scope.courseSlug, filter), isNull(certificates.revokedAt)))
    .orderBy(asc(duration))
    .limit(take)
    .offset(offset)
    .all();
  return middle.length === 0 ? null : middle.reduce((sum, r) => sum + r.ms, 0) / middle.length;
}

/** New enrolments per week (see src/lib/analytics/weeks.ts), for the weeks that have any. */
export function weeklyEnrolments(db: Db, courseSlug: string, filter: ConsoleFilter): { week: number; count: number }[] {
  // Constants, written into the SQL so the division is between integers.
  const week = sql<number>`(${enrolments.joinedAt} - ${sql.raw(String(weekIndexSql.offsetMs))}) / ${sql.raw(String(weekIndexSql.weekMs))}`.mapWith(Number);
  return db
    .select({ week, count: count() })
    .from(enrolments)
    .innerJoin(users, eq(users.id, enrolments.userId))
    .where(enrolled(courseSlug, filter))
    .groupBy(week)
    .orderBy(week)
    .all();
}

/** Ids of the course's learners the filter keeps: a list SQLite builds once, then probes per row. */
function learnerIds(db: Db, courseSlug: string, filter: ConsoleFilter) {
  return db.select({ id: enrolments.userId }).from(enrolments).innerJoin(users, eq(users.id, enrolments.userId)).where(enrolled(courseSlug, filter));
}

/** How many of the filtered learners completed each step, by step id. */
export function stepCompletionCounts(db: Db, courseSlug: string, filter: ConsoleFilter): Map<string, number> {
  const rows = db
    .select({ stepId: stepCompletions.stepId, n: count() })
    .from(stepCompletions)
    // Only learners who joined can complete steps, so without a filter every completion counts, unchecked: the
    // check costs a probe for each of hundreds of thousands of rows.
    .where(and(eq(stepCompletions.courseSlug, courseSlug), isFiltered(filter) ? inArray(stepCompletions.userId, learnerIds(db, courseSlug, filter)) : undefined))
    .groupBy(stepCompletions.stepId)
    .all();
  return new Map(rows.map((r) => [r.stepId, r.n]));
}

/** Comments (replies included, deleted ones not) the filtered learners wrote on each step; educators' are left out. */
export function stepCommentCounts(db: Db, courseSlug: string, filter: ConsoleFilter): Map<string, number> {
  const rows = db
    .select({ stepId: comments.stepId, n: count() })
    .from(comments)
    .where(and(eq(comments.courseSlug, courseSlug), isNull(comments.deletedAt), inArray(comments.userId, learnerIds(db, courseSlug, filter))))
    .groupBy(comments.stepId)
    .all();
  return new Map(rows.map((r) => [r.stepId, r.n]));
}

export interface QuizSummary {
  attempts: number;
  /** Learners who tried at least once. */
  learners: number;
  /** Learners with at least one passing attempt. */
  passed: number;
}

/** The bank's attempts by the filtered learners. */
function attemptsBy(courseSlug: string, quizId: string, filter: ConsoleFilter): SQL | undefined {
  return and(eq(quizAttempts.courseSlug, courseSlug), eq(quizAttempts.quizId, quizId), enrolled(courseSlug, filter));
}

export function quizSummary(db: Db, courseSlug: string, quizId: string, filter: ConsoleFilter): QuizSummary {
  const row = db
    .select({
      attempts: count(),
      learners: sql<number>`count(distinct ${quizAttempts.userId})`.mapWith(Number),
      passed: sql<number>`count(distinct case when ${quizAttempts.passed} = 1 then ${quizAttempts.userId} end)`.mapWith(Number),
    })
    .from(quizAttempts)
    .innerJoin(enrolments, sameLearner(quizAttempts))
    .innerJoin(users, eq(users.id, enrolments.userId))
    .where(attemptsBy(courseSlug, quizId, filter))
    .get();
  return row ?? { attempts: 0, learners: 0, passed: 0 };
}

/** Attempts per score band (src/lib/analytics/histogram.ts: min(score / 10, 9)). */
export function scoreBandCounts(db: Db, courseSlug: string, quizId: string, filter: ConsoleFilter): { band: number; count: number }[] {
  const band = sql<number>`min(${quizAttempts.score} / 10, 9)`.mapWith(Number);
  return db
    .select({ band, count: count() })
    .from(quizAttempts)
    .innerJoin(enrolments, sameLearner(quizAttempts))
    .innerJoin(users, eq(users.id, enrolments.userId))
    .where(attemptsBy(courseSlug, quizId, filter))
    .groupBy(band)
    .all();
}

/**
 * For each question, how many attempts answered it correctly, worked out from the stored answers
 * ({ questionId: optionIds[] }): right when exactly the correct options were chosen, as src/lib/quizzes/scoring.ts
 * marks it. One pass over the bank's attempts.
 */
export function questionCorrectCounts(
  db: Db,
  courseSlug: string,
  quizId: string,
  questions: readonly { id: string; correct: readonly string[] }[],
  filter: ConsoleFilter,
): Map<string, number> {
  if (questions.length === 0) return new Map();
  const columns: Record<string, SQL.Aliased<number>> = {};
  questions.forEach((q, i) => {
    const path = `$."${q.id}"`;
    const right =
      q.correct.length === 1
        ? sql`json_array_length(${quizAttempts.answers}, ${path}) = 1 and json_extract(${quizAttempts.answers}, ${`${path}[0]`}) = ${q.correct[0]}`
        : sql`json_array_length(${quizAttempts.answers}, ${path}) = ${q.correct.length} and (select count(*) from json_each(${quizAttempts.answers}, ${path}) where value in ${q.correct}) = ${q.correct.length}`;
    columns[`q${i}`] = sumOf(right).as(`q${i}`);
  });
  const row = db
    .select(columns)
    .from(quizAttempts)
    .innerJoin(enrolments, sameLearner(quizAttempts))
    .innerJoin(users, eq(users.id, enrolments.userId))
    .where(attemptsBy(courseSlug, quizId, filter))
    .get();
  return new Map(questions.map((q, i) => [q.id, Number(row?.[`q${i}`] ?? 0)]));
}

// --- The learners table

function learnersWhere(scope: CourseScope, filter: ConsoleFilter, search: string): SQL | undefined {
  return and(enrolled(scope.courseSlug, filter), containsText(search, users.name, users.email));
}

function learnerOrder(done: SQL<number>, query: LearnerQuery): SQL[] {
  const key: Record<LearnerQuery['sort'], SQL | AnySQLiteColumn> = {
    name: sql`lower(${users.name})`,
    email: users.email,
    profession: users.profession,
    joined: enrolments.joinedAt,
    active: enrolments.lastActiveAt,
    complete: done,
  };
  const by = query.direction === 'asc' ? asc : desc;
  // The email is unique, so pages never overlap or skip a learner.
  return [by(key[query.sort]), asc(users.email)];
}

/** How many learners the filter and search find. */
export function countLearners(db: Db, scope: CourseScope, filter: ConsoleFilter, search: string): number {
  const row = db
    .select({ n: count() })
    .from(enrolments)
    .innerJoin(users, eq(users.id, enrolments.userId))
    .where(learnersWhere(scope, filter, search))
    .get();
  return row?.n ?? 0;
}

/**
 * The learners the filter and search find, in the order asked, with their progress: one page (`page` given), or
 * every one, for the CSV. A page is chosen first, so the per-learner figures are worked out for its rows only
 * (unless the sort itself is by progress).
 */
export function learnerRecords(
  db: Db,
  scope: CourseScope,
  filter: ConsoleFilter,
  query: LearnerQuery,
  page?: { limit: number; offset: number },
): LearnerRecord[] {
  const where = learnersWhere(scope, filter, query.search);
  const done = stepsDone(db, scope);
  const chosen = page
    ? inArray(
        enrolments.userId,
        db
          .select({ id: enrolments.userId })
          .from(enrolments)
          .innerJoin(users, eq(users.id, enrolments.userId))
          .where(where)
          .orderBy(...learnerOrder(done, query))
          .limit(page.limit)
          .offset(page.offset),
      )
    : undefined;
  const best = scope.assessmentIds.map(
    (quizId, i) =>
      sql<number | null>`(select max(${quizAttempts.score}) from ${quizAttempts} where ${sameLearner(quizAttempts)} and ${quizAttempts.quizId} = ${quizId})`.as(`best${i}`),
  );
  const rows = db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      profession: users.profession,
      joinedAt: enrolments.joinedAt,
      lastActiveAt: enrolments.lastActiveAt,
      done: done.mapWith(Number),
      certificateNumber: certificates.number,
      revokedAt: certificates.revokedAt,
      ...Object.fromEntries(best.map((b, i) => [`best${i}`, b])),
    })
    .from(enrolments)
    .innerJoin(users, eq(users.id, enrolments.userId))
    .leftJoin(certificates, sameLearner(certificates))
    .where(page ? and(eq(enrolments.courseSlug, scope.courseSlug), chosen) : where)
    .orderBy(...learnerOrder(done, query))
    .all() as (Omit<LearnerRecord, 'best' | 'certificateRevoked'> & { revokedAt: Date | null } & Record<string, unknown>)[];
  return rows.map(({ revokedAt, ...row }) => ({
    userId: row.userId,
    name: row.name,
    email: row.email,
    profession: row.profession,
    joinedAt: row.joinedAt,
    lastActiveAt: row.lastActiveAt,
    done: row.done,
    best: scope.assessmentIds.map((_, i) => (row[`best${i}`] as number | null) ?? null),
    certificateNumber: row.certificateNumber,
    certificateRevoked: revokedAt !== null,
  }));
}

/** Learners enrolled in each course, for the console's list of courses. */
export function enrolmentCounts(db: Db, courseSlugs: string[]): Map<string, number> {
  const rows = db
    .select({ slug: enrolments.courseSlug, n: count() })
    .from(enrolments)
    .where(inArray(enrolments.courseSlug, courseSlugs))
    .groupBy(enrolments.courseSlug)
    .all();
  return new Map(rows.map((r) => [r.slug, r.n]));
}
