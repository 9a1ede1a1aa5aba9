import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsText, countUsersAt, insertDemoBatch, searchUsers, setDisabled, setRoleAndCourses } from '../../../db/admin';
import {
  countLearners,
  funnelCounts,
  learnerRecords,
  medianTimeToCertificate,
  questionCorrectCounts,
  quizSummary,
  scoreBandCounts,
  stepCommentCounts,
  stepCompletionCounts,
  weeklyEnrolments,
} from '../../../db/analytics';
import { insertCertificate } from '../../../db/certificates';
import { openDatabase, type Db } from '../../../db/client';
import { coursesTaught } from '../../../db/discussion';
import { joinCourse } from '../../../db/enrolments';
import { setStepComplete } from '../../../db/progress';
import { insertAttempt } from '../../../db/quiz-attempts';
import { comments, sessions, users } from '../../../db/schema';
import { findUserById, insertUser } from '../../../db/users';
import type { LearnerQuery } from '../../../src/lib/analytics/learners';
import { courseScope } from '../../../src/lib/analytics/scope';
import { weekIndex } from '../../../src/lib/analytics/weeks';
import { quizBankSchema } from '../../../src/lib/courses/schema';
import { makeLayout, score, type Answers } from '../../../src/lib/quizzes/scoring';

const course = 'c';
const stepIds = ['s1', 's2', 's3', 's4', 's5', 's6'];
// Six steps: 50% is 3 steps, the certificate needs all 6 (ceil(0.9 × 6)) and the final assessment.
const scope = courseScope(course, { steps: stepIds.map((id) => ({ id })) as never, assessments: [{ quizId: 'final' }] as never }, 0.9);
const day = 86_400_000;
const march = (d: number) => new Date(Date.UTC(2025, 2, d, 9));
const none = {};

interface Learner {
  id: string;
  profession?: string;
  joined?: Date;
  done?: string[];
  /** Scores of final assessment attempts (70 passes). */
  attempts?: number[];
  /** Days from joining to the certificate. */
  certificateAfter?: number;
  revoked?: boolean;
  name?: string;
}

function add(db: Db, l: Learner): void {
  const joined = l.joined ?? march(2);
  insertUser(db, { id: l.id, email: `${l.id}@example.org`, passwordHash: 'x', name: l.name ?? `Learner ${l.id.toUpperCase()}`, profession: l.profession ?? 'physiotherapist' });
  joinCourse(db, l.id, course, joined);
  (l.done ?? []).forEach((step, i) => setStepComplete(db, l.id, course, step, true, new Date(joined.getTime() + (i + 1) * 3_600_000)));
  (l.attempts ?? []).forEach((s, i) =>
    insertAttempt(db, { id: `${l.id}-a${i}`, userId: l.id, courseSlug: course, quizId: 'final', kind: 'assessment', score: s, passed: s >= 70, answers: '{}', layout: '[]', submittedAt: new Date(joined.getTime() + day) }),
  );
  if (l.certificateAfter !== undefined) {
    const issued = new Date(joined.getTime() + l.certificateAfter * day);
    insertCertificate(db, {
      number: `${l.id.toUpperCase().padEnd(16, '0')}`,
      userId: l.id,
      courseSlug: course,
      learnerName: 'x',
      courseTitle: 'x',
      provider: 'x',
      cpdHours: 1,
      approvalStatement: 'x',
      outcomes: '[]',
      leadEducator: '{}',
      completedAt: issued,
      issuedAt: issued,
      revokedAt: l.revoked ? issued : null,
      revokedReason: l.revoked ? 'error' : null,
    });
  }
}

/** Ten learners whose place in the funnel is known. */
function setup() {
  const { db } = openDatabase(':memory:');
  const all = stepIds;
  const learners: Learner[] = [
    { id: 'a' },
    { id: 'b', done: ['s1'] },
    { id: 'c', profession: 'nurse', done: ['s1', 's2', 's3'] },
    { id: 'd', done: all, attempts: [90] },
    { id: 'e', profession: 'nurse', done: all, attempts: [50, 80], certificateAfter: 10 },
    { id: 'f', done: all, attempts: [40] },
    // Five current steps and one since removed from the course: halfway, but not eligible.
    { id: 'g', done: ['s1', 's2', 's3', 's4', 's5', 'removed-step'], attempts: [100] },
    { id: 'h', done: all, attempts: [70], certificateAfter: 3, revoked: true },
    { id: 'i', joined: new Date(Date.UTC(2025, 4, 1)), done: ['s1'] },
    { id: 'k', done: all, attempts: [75], certificateAfter: 20 },
  ];
  for (const l of learners) add(db, l);
  return db;
}

describe('the funnel, counted in SQL', () => {
  const db = setup();

  it('counts each stage as the certificate rule and the progress page would', () => {
    expect(funnelCounts(db, scope, none)).toEqual({ enrolled: 10, started: 9, halfway: 7, eligible: 4, certified: 2 });
  });

  it('narrows to the dates joined and the profession asked for', () => {
    const inMarch = { joinedFrom: new Date('2025-03-01T00:00:00Z'), joinedBefore: new Date('2025-04-01T00:00:00Z') };
    expect(funnelCounts(db, scope, inMarch)).toEqual({ enrolled: 9, started: 8, halfway: 7, eligible: 4, certified: 2 });
    expect(funnelCounts(db, scope, { profession: 'nurse' })).toEqual({ enrolled: 2, started: 2, halfway: 2, eligible: 1, certified: 1 });
    expect(funnelCounts(db, scope, { joinedFrom: new Date('2030-01-01T00:00:00Z') })).toEqual({ enrolled: 0, started: 0, halfway: 0, eligible: 0, certified: 0 });
  });

  it('makes nobody eligible in a course without steps', () => {
    const empty = courseScope(course, { steps: [], assessments: [] }, 0.9);
    expect(funnelCounts(db, empty, none)).toMatchObject({ enrolled: 10, halfway: 0, eligible: 0 });
  });

  it('takes the median time to a certificate from valid certificates only', () => {
    expect(medianTimeToCertificate(db, scope, none, 2)).toBe(15 * day);
    expect(medianTimeToCertificate(db, scope, { profession: 'nurse' }, 1)).toBe(10 * day);
    expect(medianTimeToCertificate(db, scope, none, 0)).toBeNull();
  });

  it('counts enrolments per week', () => {
    expect(weeklyEnrolments(db, course, none)).toEqual([
      { week: weekIndex(march(2).getTime()), count: 9 },
      { week: weekIndex(Date.UTC(2025, 4, 1)), count: 1 },
    ]);
  });
});

describe('steps and assessments', () => {
  const db = setup();

  it('counts completions per step, filtered or not', () => {
    const counts = stepCompletionCounts(db, course, none);
    expect(counts.get('s1')).toBe(9);
    expect(counts.get('s6')).toBe(5);
    expect(stepCompletionCounts(db, course, { profession: 'nurse' }).get('s1')).toBe(2);
  });

  it('counts comments per step, leaving out deleted ones', () => {
    const at = march(5);
    db.insert(comments)
      .values([
        { id: 'k1', courseSlug: course, stepId: 's2', userId: 'c', body: 'Hi', createdAt: at },
        { id: 'k2', courseSlug: course, stepId: 's2', userId: 'd', parentId: 'k1', body: 'Hello', createdAt: at },
        { id: 'k3', courseSlug: course, stepId: 's2', userId: 'd', body: '', createdAt: at, deletedAt: at },
      ])
      .run();
    expect(stepCommentCounts(db, course, none).get('s2')).toBe(2);
    expect(stepCommentCounts(db, course, { profession: 'nurse' }).get('s2')).toBe(1);
  });

  it('summarises attempts and bands the scores', () => {
    expect(quizSummary(db, course, 'final', none)).toEqual({ attempts: 7, learners: 6, passed: 5 });
    expect(scoreBandCounts(db, course, 'final', none).sort((x, y) => x.band - y.band)).toEqual([
      { band: 4, count: 1 },
      { band: 5, count: 1 },
      { band: 7, count: 2 },
      { band: 8, count: 1 },
      { band: 9, count: 2 },
    ]);
  });
});

describe('per-question correctness from stored answers', () => {
  const bank = quizBankSchema.parse({
    id: 'final',
    title: 'Final',
    kind: 'assessment',
    questions: [
      { id: 'one', text: 'One?', type: 'single', options: [{ id: 'a', text: 'A', correct: true, feedback: 'f' }, { id: 'b', text: 'B', feedback: 'f' }, { id: 'c', text: 'C', feedback: 'f' }] },
      { id: 'many', text: 'Many?', type: 'multiple', options: [{ id: 'a', text: 'A', correct: true, feedback: 'f' }, { id: 'b', text: 'B', correct: true, feedback: 'f' }, { id: 'c', text: 'C', feedback: 'f' }] },
      { id: 'all-three', text: 'All?', type: 'multiple', options: [{ id: 'x', text: 'X', correct: true, feedback: 'f' }, { id: 'y', text: 'Y', correct: true, feedback: 'f' }, { id: 'z', text: 'Z', correct: true, feedback: 'f' }] },
    ],
  });
  const keys = bank.questions.map((q) => ({ id: q.id, correct: q.options.filter((o) => o.correct).map((o) => o.id) }));
  const choices = (ids: string[]) => fc.subarray(ids, { minLength: 1 }).chain((chosen) => fc.shuffledSubarray(chosen, { minLength: chosen.length }));
  const submission = fc.record({ one: choices(['a', 'b', 'c']).map((c) => c.slice(0, 1)), many: choices(['a', 'b', 'c']), 'all-three': choices(['x', 'y', 'z']) });

  it('agrees with the scoring of every attempt, whatever was chosen and in whatever order', () => {
    fc.assert(
      fc.property(fc.array(submission, { minLength: 1, maxLength: 12 }), (answersList) => {
        const { db } = openDatabase(':memory:');
        insertUser(db, { id: 'u', email: 'u@example.org', passwordHash: 'x', name: 'U', profession: 'nurse' });
        joinCourse(db, 'u', course, march(2));
        const expected = new Map(keys.map((k) => [k.id, 0]));
        answersList.forEach((answers: Answers, i) => {
          const layout = makeLayout(bank);
          const scored = score(bank, answers, layout);
          for (const r of scored.results) if (r.correct) expected.set(r.questionId, (expected.get(r.questionId) ?? 0) + 1);
          insertAttempt(db, { id: `t${i}`, userId: 'u', courseSlug: course, quizId: 'final', kind: 'assessment', score: scored.score, passed: scored.passed, answers: JSON.stringify(answers), layout: JSON.stringify(layout), submittedAt: march(3) });
        });
        expect(questionCorrectCounts(db, course, 'final', keys, none)).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });
});

describe('the learners table', () => {
  const db = setup();
  add(db, { id: 'p', name: '100% Sure', done: ['s1', 's2'] });
  const query = (over: Partial<LearnerQuery> = {}): LearnerQuery => ({ search: '', sort: 'joined', direction: 'desc', page: 1, ...over });

  it('sorts by progress, with each learner\'s best score and certificate', () => {
    const rows = learnerRecords(db, scope, none, query({ sort: 'complete', direction: 'desc' }));
    expect(rows).toHaveLength(11);
    expect(rows.slice(0, 5).map((r) => r.userId)).toEqual(['d', 'e', 'f', 'h', 'k']);
    // g's removed step does not count.
    expect(rows.find((r) => r.userId === 'g')?.done).toBe(5);
    expect(rows.find((r) => r.userId === 'e')).toMatchObject({ best: [80], certificateNumber: 'E000000000000000', certificateRevoked: false });
    expect(rows.find((r) => r.userId === 'h')).toMatchObject({ certificateRevoked: true });
    expect(rows.find((r) => r.userId === 'a')).toMatchObject({ best: [null], certificateNumber: null, done: 0 });
    expect(rows.at(-1)?.userId).toBe('a');
  });

  it('pages through the same order without overlap', () => {
    const all = learnerRecords(db, scope, none, query({ sort: 'name', direction: 'asc' })).map((r) => r.userId);
    const pages = [0, 4, 8].flatMap((offset) => learnerRecords(db, scope, none, query({ sort: 'name', direction: 'asc' }), { limit: 4, offset }).map((r) => r.userId));
    expect(pages).toEqual(all);
    const byProgress = learnerRecords(db, scope, none, query({ sort: 'complete', direction: 'asc' }), { limit: 3, offset: 0 }).map((r) => r.userId);
    expect(byProgress).toEqual(['a', 'b', 'i']);
  });

  it('searches names and emails, taking % and _ literally', () => {
    expect(learnerRecords(db, scope, none, query({ search: '%' })).map((r) => r.name)).toEqual(['100% Sure']);
    expect(countLearners(db, scope, none, '_')).toBe(0);
    expect(countLearners(db, scope, none, 'E@EXAMPLE')).toBe(1);
    expect(countLearners(db, scope, { profession: 'nurse' }, 'learner')).toBe(2);
  });
});

describe('admin changes', () => {
  it('disabling ends every session at once; enabling lets the person back', () => {
    const { db } = openDatabase(':memory:');
    insertUser(db, { id: 'u', email: 'u@example.org', passwordHash: 'x', name: 'U', profession: 'nurse' });
    db.insert(sessions).values([{ idHash: 'h1', userId: 'u', expiresAt: new Date(Date.now() + day) }, { idHash: 'h2', userId: 'u', expiresAt: new Date(Date.now() + day) }]).run();
    setDisabled(db, 'u', march(9));
    expect(findUserById(db, 'u')?.disabledAt).toEqual(march(9));
    expect(db.select().from(sessions).all()).toEqual([]);
    setDisabled(db, 'u', null);
    expect(findUserById(db, 'u')?.disabledAt).toBeNull();
  });

  it('an educator teaches the courses given; another role teaches none', () => {
    const { db } = openDatabase(':memory:');
    insertUser(db, { id: 'u', email: 'u@example.org', passwordHash: 'x', name: 'U', profession: 'nurse' });
    setRoleAndCourses(db, 'u', 'educator', ['best', 'other']);
    expect(findUserById(db, 'u')?.role).toBe('educator');
    expect(coursesTaught(db, 'u').sort()).toEqual(['best', 'other']);
    setRoleAndCourses(db, 'u', 'educator', ['best']);
    expect(coursesTaught(db, 'u')).toEqual(['best']);
    setRoleAndCourses(db, 'u', 'learner', ['best']);
    expect(findUserById(db, 'u')?.role).toBe('learner');
    expect(coursesTaught(db, 'u')).toEqual([]);
  });

  it('finds people by part of a name or email, newest first', () => {
    const { db } = openDatabase(':memory:');
    insertUser(db, { id: 'u1', email: 'ann_lee@example.org', passwordHash: 'x', name: 'Ann Lee', profession: 'nurse' });
    insertUser(db, { id: 'u2', email: 'annlee@demo.example.org', passwordHash: 'x', name: 'Annie', profession: 'nurse' });
    expect(searchUsers(db, 'ann').total).toBe(2);
    expect(searchUsers(db, 'n_l').rows.map((u) => u.id)).toEqual(['u1']);
    expect(searchUsers(db, '').total).toBe(2);
    expect(countUsersAt(db, 'demo.example.org')).toBe(1);
    expect(containsText('')).toBeUndefined();
  });

  it('stores a demo batch in one go, leaving null fields to their columns', () => {
    const { db } = openDatabase(':memory:');
    const at = march(1);
    insertDemoBatch(db, {
      users: [1, 2, 3].map((i) => ({ id: `u${i}`, email: `u${i}@demo.example.org`, passwordHash: 'x', name: `U${i}`, profession: 'nurse', createdAt: at, disabledAt: null })),
      enrolments: [1, 2, 3].map((i) => ({ userId: `u${i}`, courseSlug: course, joinedAt: at, lastActiveAt: at })),
      stepCompletions: [{ userId: 'u1', courseSlug: course, stepId: 's1', completedAt: at }],
      quizAttempts: [],
      certificates: [],
      comments: [
        { id: 'k1', courseSlug: course, stepId: 's1', userId: 'u1', parentId: null, body: 'Hi', createdAt: at },
        { id: 'k2', courseSlug: course, stepId: 's1', userId: 'u2', parentId: 'k1', body: 'Hi back', createdAt: at },
      ],
    });
    expect(db.select().from(users).all()).toHaveLength(3);
    expect(countLearners(db, scope, none, '')).toBe(3);
    expect(stepCommentCounts(db, course, none).get('s1')).toBe(2);
  });
});
