/** A learner's access, read from and written to the database; the rules themselves are in this folder's pure modules. */
import type { Db } from '../../../db/client';
import { findAccessCode, listNhsDomains, spendAccessCode, upgradeFacts } from '../../../db/access';
import { findEnrolment } from '../../../db/enrolments';
import { memberships } from '../../../db/organisations';
import { consumeTokens } from '../../../db/rate-limits';
import type { Course } from '../courses/catalog';
import { sendNhsVerification } from '../email/verification';
import { rules } from '../rate-limit/bucket';
import { accessCodeHash, codeProblem, codeProblemMessage, parseAccessCode } from './codes';
import { checkNhsEmail } from './nhs';
import { fullAccess, tierFor, type Tier } from './tiers';

type CourseFacts = Pick<Course, 'slug' | 'data'>;

/** The learner's tier in a course. Open courses ask the database nothing. */
export function learnerTier(db: Db, course: CourseFacts, userId: string, joinedAt: Date, now = new Date()): Tier {
  if (course.data.access === 'open') return fullAccess;
  const facts = upgradeFacts(db, userId, course.slug);
  return tierFor({ access: course.data.access, weeks: course.data.weeks.length, joinedAt, upgraded: facts.code || facts.nhs, now });
}

const waitText = (seconds: number) => {
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? 'a minute' : `${minutes} minutes`;
};

export type RedeemResult =
  | { ok: true; course: Course }
  | { ok: false; status: 400 | 429; message: string; retryAfterSeconds?: number };

/**
 * Redeems an access code typed by the learner: full access to its course, which they join, and membership of the
 * code's organisation. Every try counts towards the limit (ten in a row, then one every ten minutes).
 */
export async function redeemCode(
  db: Db,
  userId: string,
  typed: string,
  address: string,
  findCourse: (slug: string) => Promise<Course | undefined>,
  now = new Date(),
): Promise<RedeemResult> {
  const limit = consumeTokens(
    db,
    [
      { key: `access-code:account:${userId}`, rule: rules.accessCodeAccount },
      { key: `access-code:address:${address}`, rule: rules.accessCodeAddress },
    ],
    now.getTime(),
  );
  if (!limit.allowed) {
    const message = `Too many access codes tried. Wait ${waitText(limit.retryAfterSeconds)} and try again.`;
    return { ok: false, status: 429, message, retryAfterSeconds: limit.retryAfterSeconds };
  }
  const refuse = (message: string): RedeemResult => ({ ok: false, status: 400, message });
  const canonical = parseAccessCode(typed);
  if (!canonical) return refuse(typed.trim() ? codeProblemMessage('malformed') : 'Enter your access code.');
  const codeHash = accessCodeHash(canonical);
  const found = findAccessCode(db, codeHash);
  const course = found && (await findCourse(found.batch.courseSlug));
  if (found?.code.usedBy === userId) return refuse(`You have already redeemed this code${course ? `: you have full access to ${course.title}` : ''}.`);
  const problem = codeProblem(found && { usedAt: found.code.usedAt, expiresAt: found.batch.expiresAt }, now);
  if (problem || !found) return refuse(codeProblemMessage(problem ?? 'unknown', found?.batch.expiresAt));
  if (!course) return refuse('That access code is for a course that is no longer offered. Ask whoever gave it to you for another.');

  // A code that would change nothing is kept for someone else.
  const joinedAt = findEnrolment(db, userId, course.slug)?.joinedAt ?? now;
  const alreadyFull = learnerTier(db, course, userId, joinedAt, now).tier === 'full';
  const organisationId = found.batch.organisationId;
  const alreadyMember = !organisationId || memberships(db, userId).some((o) => o.id === organisationId);
  if (alreadyFull && alreadyMember) return refuse(`You already have full access to ${course.title}. Keep the code for someone else.`);

  if (!spendAccessCode(db, codeHash, userId, found.batch, now)) return refuse(codeProblemMessage('used'));
  return { ok: true, course };
}

export type NhsOfferResult = { ok: true; email: string } | { ok: false; status: 400 | 429 | 503; message: string; retryAfterSeconds?: number };

/** Sends a confirmation link to an NHS address the learner offers; anything else is refused and nothing is stored. */
export async function offerNhsAddress(db: Db, user: { id: string; email: string; name: string }, typed: unknown, now = new Date()): Promise<NhsOfferResult> {
  const checked = checkNhsEmail(typed, listNhsDomains(db));
  if (!checked.email) return { ok: false, status: 400, message: checked.error ?? 'Enter your NHS email address.' };
  const sent = await sendNhsVerification(db, user, checked.email, now);
  if (sent.ok) return { ok: true, email: checked.email };
  switch (sent.reason) {
    case 'taken':
      return { ok: false, status: 400, message: `${checked.email} already gives full access to another account. Each NHS address can open one account.` };
    case 'rate-limited':
      return {
        ok: false,
        status: 429,
        message: `Too many confirmation emails sent. Wait ${waitText(sent.retryAfterSeconds)} and try again.`,
        retryAfterSeconds: sent.retryAfterSeconds,
      };
    case 'failed':
      return { ok: false, status: 503, message: 'The email could not be sent just now. Please try again in a few minutes.' };
  }
}
