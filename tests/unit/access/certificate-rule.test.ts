import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/client';
import { recordVerifiedEmail } from '../../../db/email';
import { joinCourse } from '../../../db/enrolments';
import { setStepComplete } from '../../../db/progress';
import { courseAccessGrants, quizAttempts } from '../../../db/schema';
import { insertUser } from '../../../db/users';
import { issueCertificate } from '../../../src/lib/certificates/issue';
import type { Course } from '../../../src/lib/courses/catalog';
import { buildOutline } from '../../../src/lib/courses/outline';
import { courseSchema, stepSchema } from '../../../src/lib/courses/schema';

const folder = 'tests/fixtures/courses/fixture-tiered';
const data = courseSchema.parse(parse(readFileSync(`${folder}/course.yaml`, 'utf8')));
const sources = ['week-1', 'week-2'].flatMap((week) =>
  readdirSync(`${folder}/${week}`).map((file) => {
    const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(`${folder}/${week}/${file}`, 'utf8'))![1]!;
    return { data: stepSchema.parse(parse(front)), filePath: `${folder}/${week}/${file}` };
  }),
);
const course = { slug: 'fixture-tiered', title: data.title, data, outline: buildOutline(data, sources), quizzes: new Map(), entries: new Map(), filePath: '' } as Course;

describe('issuing a certificate in a tiered course', () => {
  it('is refused with the reason while access is limited, then while the email is unconfirmed, then issued', () => {
    const { db } = openDatabase(':memory:');
    const now = new Date('2026-03-01T10:00:00Z');
    insertUser(db, { id: 'jo', email: 'jo@example.org', passwordHash: 'x', name: 'Jo Bloggs', profession: 'nurse' });
    joinCourse(db, 'jo', course.slug, now);
    for (const step of course.outline.steps) setStepComplete(db, 'jo', course.slug, step.id, true, now);
    db.insert(quizAttempts)
      .values({ id: 'a1', userId: 'jo', courseSlug: course.slug, quizId: 'tiered-final', kind: 'assessment', score: 100, passed: true, answers: '{}', layout: '[]', submittedAt: now })
      .run();

    expect(issueCertificate(db, course, 'jo', now)).toEqual({
      ok: false,
      missing: [
        'Upgrade to full access: limited access does not include the assessment or the certificate.',
        'Confirm your email address with the link we sent you (your account page can send it again).',
      ],
    });
    db.insert(courseAccessGrants).values({ userId: 'jo', courseSlug: course.slug, codeHash: null, grantedAt: now }).run();
    expect(issueCertificate(db, course, 'jo', now)).toEqual({
      ok: false,
      missing: ['Confirm your email address with the link we sent you (your account page can send it again).'],
    });
    recordVerifiedEmail(db, 'jo', 'account', 'jo@example.org', now);
    expect(issueCertificate(db, course, 'jo', now)).toMatchObject({ ok: true, certificate: { learnerName: 'Jo Bloggs', courseSlug: 'fixture-tiered' } });
  });
});
