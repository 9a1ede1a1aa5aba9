import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../db/client';
import { insertCodeBatch, listCodeBatches, organisationCodeCounts } from '../../../db/access';
import { findEnrolment, joinCourse } from '../../../db/enrolments';
import { insertOrganisation, memberships } from '../../../db/organisations';
import { insertUser } from '../../../db/users';
import { accessCodeHash, formatAccessCode, generateAccessCode } from '../../../src/lib/access/codes';
import { learnerTier, redeemCode } from '../../../src/lib/access/learner';
import type { Course } from '../../../src/lib/courses/catalog';
import { courseSchema } from '../../../src/lib/courses/schema';

const tieredData = courseSchema.parse(parse(readFileSync('tests/fixtures/courses/fixture-tiered/course.yaml', 'utf8')));
const openData = courseSchema.parse(parse(readFileSync('tests/fixtures/courses/fixture-basics/course.yaml', 'utf8')));
// Redeeming needs only a course's slug, title and settings.
const tiered = { slug: 'fixture-tiered', title: 'Tiered', data: tieredData } as Course;
const open = { slug: 'fixture-basics', title: 'Basics', data: openData } as Course;
const findCourse = async (slug: string) => [tiered, open].find((c) => c.slug === slug);

const t0 = new Date('2026-03-01T10:00:00Z');
let db: Db;
let batchCount = 0;

/** Makes a batch of codes as the admin page does, returning the codes as the CSV shows them. */
function makeCodes(count: number, options: { course?: Course; lastMoment?: Date; organisationId?: string | null } = {}): string[] {
  const codes = Array.from({ length: count }, () => generateAccessCode());
  insertCodeBatch(
    db,
    {
      id: `batch-${++batchCount}`,
      courseSlug: (options.course ?? tiered).slug,
      organisationId: options.organisationId ?? null,
      note: 'Invoice 1',
      count,
      expiresAt: options.lastMoment ?? new Date('2026-12-31T23:59:59.999Z'),
      createdAt: t0,
      createdBy: null,
    },
    codes.map(accessCodeHash),
  );
  return codes.map(formatAccessCode);
}

const redeem = (userId: string, typed: string, address = '10.0.0.1', now = t0) => redeemCode(db, userId, typed, address, findCourse, now);

beforeEach(() => {
  db = openDatabase(':memory:').db;
  for (const id of ['ann', 'bob', 'cat']) insertUser(db, { id, email: `${id}@example.org`, passwordHash: 'x', name: id, profession: 'nurse' });
});

describe('redeeming an access code', () => {
  it('upgrades a limited learner to full access, joining the course, typed with spaces and in lower case', async () => {
    joinCourse(db, 'ann', tiered.slug, t0);
    expect(learnerTier(db, tiered, 'ann', t0, t0)).toMatchObject({ tier: 'limited', expired: false });
    const [code] = makeCodes(1);
    const typed = ` ${code!.replaceAll('-', ' ').toLowerCase()} `;
    expect(await redeem('ann', typed)).toMatchObject({ ok: true, course: { slug: tiered.slug } });
    expect(learnerTier(db, tiered, 'ann', t0, new Date('2030-01-01'))).toEqual({ tier: 'full' });

    // A learner who had not joined yet is joined by the code.
    const [another] = makeCodes(1);
    expect((await redeem('bob', another!)).ok).toBe(true);
    expect(findEnrolment(db, 'bob', tiered.slug)).toBeDefined();
  });

  it('refuses a used, expired or unknown code with a clear message, and changes nothing', async () => {
    const [code] = makeCodes(1);
    expect((await redeem('ann', code!)).ok).toBe(true);
    expect(await redeem('ann', code!)).toEqual({ ok: false, status: 400, message: 'You have already redeemed this code: you have full access to Tiered.' });
    expect(await redeem('bob', code!)).toEqual({ ok: false, status: 400, message: expect.stringContaining('already been used') });
    expect(learnerTier(db, tiered, 'bob', t0, t0).tier).toBe('limited');

    const [late] = makeCodes(1, { lastMoment: new Date('2026-03-31T23:59:59.999Z') });
    expect(await redeem('bob', late!, '10.0.0.1', new Date('2026-04-01T08:00:00Z'))).toEqual({
      ok: false,
      status: 400,
      message: 'That access code expired on 31 March 2026. Ask whoever gave it to you for a new one.',
    });
    expect(await redeem('bob', formatAccessCode(generateAccessCode()))).toEqual({ ok: false, status: 400, message: expect.stringContaining('not recognised') });
    expect(await redeem('bob', 'ABCD-EFGH')).toEqual({ ok: false, status: 400, message: expect.stringContaining('16 letters and digits') });
    expect(learnerTier(db, tiered, 'bob', t0, t0).tier).toBe('limited');
    expect(listCodeBatches(db).map((b) => b.used).sort()).toEqual([0, 1]);
  });

  it('limits ten tries in a row: the eleventh waits, even with a good code, and nothing is spent', async () => {
    const [good] = makeCodes(1);
    for (let i = 0; i < 10; i++) expect(await redeem('cat', formatAccessCode(generateAccessCode()))).toMatchObject({ status: 400 });
    const limited = await redeem('cat', good!);
    expect(limited).toMatchObject({ ok: false, status: 429, message: 'Too many access codes tried. Wait 10 minutes and try again.' });
    expect(listCodeBatches(db)[0]?.used).toBe(0);
    // Another learner on the same network is not held up, and the limit lifts with time.
    expect((await redeem('ann', good!)).ok).toBe(true);
    expect(await redeem('cat', formatAccessCode(generateAccessCode()), '10.0.0.1', new Date(t0.getTime() + 10 * 60_000))).toMatchObject({ status: 400 });
  });

  it('makes the learner a member of the code’s organisation, and counts its codes', async () => {
    insertOrganisation(db, { id: 'trust', name: 'Exeter Trust', createdAt: t0 });
    const codes = makeCodes(3, { organisationId: 'trust' });
    expect((await redeem('ann', codes[0]!)).ok).toBe(true);
    expect(memberships(db, 'ann').map((o) => o.name)).toEqual(['Exeter Trust']);
    expect(organisationCodeCounts(db, 'trust')).toEqual({ total: 3, used: 1 });
  });

  it('keeps a code that would change nothing for someone else, unless it joins an organisation', async () => {
    const [plain] = makeCodes(1, { course: open });
    expect(await redeem('ann', plain!)).toEqual({ ok: false, status: 400, message: 'You already have full access to Basics. Keep the code for someone else.' });
    insertOrganisation(db, { id: 'trust', name: 'Exeter Trust', createdAt: t0 });
    const [forTrust] = makeCodes(1, { course: open, organisationId: 'trust' });
    expect((await redeem('ann', forTrust!)).ok).toBe(true);
    expect(memberships(db, 'ann').map((o) => o.id)).toEqual(['trust']);
  });
});
