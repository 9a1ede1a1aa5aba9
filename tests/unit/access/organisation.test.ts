import type { User } from 'lucia';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../db/client';
import { joinCourse } from '../../../db/enrolments';
import { addManager, insertOrganisation } from '../../../db/organisations';
import { setStepComplete } from '../../../db/progress';
import { certificates, organisationMembers, quizAttempts } from '../../../db/schema';
import { insertUser } from '../../../db/users';
import { organisationView } from '../../../src/lib/access/organisation';
import { organisationReportCsv } from '../../../src/lib/access/organisation-report';
import type { Course } from '../../../src/lib/courses/catalog';

// The report needs each course's slug, title, step ids and assessments.
const course = {
  slug: 'fixture-basics',
  title: 'Fixture Course',
  outline: { steps: ['a', 'b', 'c', 'final'].map((id) => ({ id })), assessments: [{ quizId: 'final-bank', stepId: 'final', title: 'Final' }] },
} as unknown as Course;
const t0 = new Date('2026-03-01T10:00:00Z');
const as = (id: string, role: User['role'] = 'learner') => ({ id, role }) as User;
let db: Db;

function learner(id: string, name: string, organisationId?: string) {
  insertUser(db, { id, email: `${id}@example.org`, passwordHash: 'x', name, profession: 'nurse' });
  if (organisationId) db.insert(organisationMembers).values({ organisationId, userId: id, joinedAt: t0 }).run();
}

beforeEach(() => {
  db = openDatabase(':memory:').db;
  insertOrganisation(db, { id: 'north', name: 'North Trust', createdAt: t0 });
  insertOrganisation(db, { id: 'south', name: 'South Trust', createdAt: t0 });
  learner('manager', 'Morgan Manager');
  learner('admin', 'Ada Admin');
  learner('ann', 'Ann North', 'north');
  learner('nia', '=HYPERLINK("http://evil.example")', 'north');
  learner('sam', 'Sam South', 'south');
  learner('lone', 'Lone Learner');
  addManager(db, 'north', 'manager');
  for (const id of ['ann', 'sam', 'lone']) joinCourse(db, id, course.slug, t0);
  for (const id of ['ann', 'sam', 'lone']) for (const step of ['a', 'b', 'c']) setStepComplete(db, id, course.slug, step, true, t0);
  setStepComplete(db, 'ann', course.slug, 'retired-step', true, t0);
  db.insert(quizAttempts)
    .values({ id: 'q1', userId: 'ann', courseSlug: course.slug, quizId: 'final-bank', kind: 'assessment', score: 100, passed: true, answers: '{}', layout: '[]', submittedAt: t0 })
    .run();
  db.insert(certificates)
    .values({
      number: 'N1', userId: 'ann', courseSlug: course.slug, learnerName: 'Ann North', courseTitle: 'Fixture Course', provider: 'P', cpdHours: 2,
      approvalStatement: 'S', outcomes: '[]', leadEducator: '{}', completedAt: t0, issuedAt: t0, revokedAt: null, revokedReason: null,
    })
    .run();
});

describe('the manager’s view of an organisation', () => {
  it('shows exactly the organisation’s learners: joined, per cent complete, assessment, certificate, codes', () => {
    const view = organisationView(db, as('manager'), 'north', [course]);
    expect(view?.organisation.name).toBe('North Trust');
    expect(view?.rows).toEqual([
      { name: '=HYPERLINK("http://evil.example")', email: 'nia@example.org', course: null },
      { name: 'Ann North', email: 'ann@example.org', course: { title: 'Fixture Course', joinedAt: t0, percent: 75, assessmentsPassed: true, certificate: 'Issued' } },
    ]);
    expect(view?.codes).toEqual({ total: 0, used: 0 });
  });

  it('is not found for a manager of another organisation, a learner, or an unknown organisation; admins see all', () => {
    expect(organisationView(db, as('manager'), 'south', [course])).toBeNull();
    expect(organisationView(db, as('ann'), 'north', [course])).toBeNull();
    expect(organisationView(db, as('manager'), 'nowhere', [course])).toBeNull();
    expect(organisationView(db, null, 'north', [course])).toBeNull();
    expect(organisationView(db, as('admin', 'admin'), 'south', [course])?.rows.map((r) => r.name)).toEqual(['Sam South']);
  });

  it('exports the same rows as a formula-safe CSV', () => {
    const csv = organisationReportCsv(organisationView(db, as('manager'), 'north', [course])!.rows);
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFName,Email,Course,Joined,Per cent complete,Assessment passed,Certificate',
      `"'=HYPERLINK(""http://evil.example"")",nia@example.org,No course joined yet,,,,`,
      'Ann North,ann@example.org,Fixture Course,2026-03-01,75,Yes,Issued',
      '',
    ]);
    expect(csv).not.toContain('Sam South');
  });
});
