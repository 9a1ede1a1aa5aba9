import { count } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Db } from '../../../db/client';
import { upgradeFacts } from '../../../db/access';
import { listOutbox } from '../../../db/email';
import { emailTokens, sessions } from '../../../db/schema';
import { insertSession } from '../../../db/sessions';
import { findUserById, insertUser } from '../../../db/users';
import { offerNhsAddress } from '../../../src/lib/access/learner';
import { sha256Hex } from '../../../src/lib/auth/hash';
import { verifyPassword } from '../../../src/lib/auth/password';
import { requestPasswordReset, resetLinkState, resetPassword } from '../../../src/lib/email/password-reset';
import { confirmEmailLink, isEmailVerified, sendAccountVerification, sendNhsVerification } from '../../../src/lib/email/verification';

let db: Db;
const t0 = new Date('2026-03-01T10:00:00Z');
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);
const jo = { id: 'jo', email: 'jo@example.org', name: 'Jo Bloggs' };
const sam = { id: 'sam', email: 'sam@example.org', name: 'Sam Smith' };

/** Runs `send` and returns the token of the one link it put in the outbox. */
async function tokenSentBy(send: () => unknown): Promise<string> {
  const before = new Set(listOutbox(db).map((m) => m.id));
  await send();
  const added = listOutbox(db).filter((m) => !before.has(m.id));
  const token = /\/(?:verify-email|reset-password)\/([\w-]+)/.exec(added[0]?.textBody ?? '')?.[1];
  if (added.length !== 1 || !token) throw new Error(`Expected one new link in the outbox, found ${added.length}`);
  return token;
}

beforeEach(() => {
  db = openDatabase(':memory:').db;
  // With no SMTP_URL the mailer keeps messages in the outbox and prints them: keep the test output quiet.
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  for (const user of [jo, sam]) insertUser(db, { ...user, passwordHash: 'x', profession: 'nurse' });
});

describe('password reset links', () => {
  it('answer alike for known and unknown addresses, and mail only the known one', async () => {
    const token = await tokenSentBy(() => expect(requestPasswordReset(db, 'jo@example.org', '10.0.0.1', t0)).toEqual({ ok: true }));
    expect(requestPasswordReset(db, 'nobody@example.org', '10.0.0.1', t0)).toEqual({ ok: true });
    const outbox = listOutbox(db);
    expect(outbox.map((m) => m.toAddress)).toEqual(['jo@example.org']);
    expect(outbox[0]?.subject).toBe('Reset your BeST CPD password');
    // Only a hash of the token is stored.
    const rows = db.select().from(emailTokens).all();
    expect(rows.map((r) => r.tokenHash)).toEqual([sha256Hex(token)]);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('work once, within the hour, set the password and end every session', async () => {
    insertSession(db, { idHash: 'a', userId: jo.id, expiresAt: minutes(60 * 24) });
    insertSession(db, { idHash: 'b', userId: jo.id, expiresAt: minutes(60 * 24) });
    insertSession(db, { idHash: 'c', userId: sam.id, expiresAt: minutes(60 * 24) });
    const token = await tokenSentBy(() => requestPasswordReset(db, jo.email, '10.0.0.1', t0));
    expect(resetLinkState(db, token, minutes(59))).toBe('usable');
    expect(await resetPassword(db, token, 'a brand new password', minutes(59))).toBe('done');
    expect(await verifyPassword(findUserById(db, jo.id)!.passwordHash, 'a brand new password')).toBe(true);
    expect(db.select().from(sessions).all().map((s) => s.userId)).toEqual([sam.id]);
    // Reading the email proved the address.
    expect(isEmailVerified(db, jo)).toBe(true);
    expect(await resetPassword(db, token, 'another new password', minutes(59))).toBe('used');
    expect(await verifyPassword(findUserById(db, jo.id)!.passwordHash, 'a brand new password')).toBe(true);
  });

  it('expire after one hour and change nothing then', async () => {
    const token = await tokenSentBy(() => requestPasswordReset(db, jo.email, '10.0.0.1', t0));
    expect(resetLinkState(db, token, minutes(60))).toBe('expired');
    expect(await resetPassword(db, token, 'a brand new password', minutes(61))).toBe('expired');
    expect(findUserById(db, jo.id)!.passwordHash).toBe('x');
    expect(await resetPassword(db, 'made-up-token', 'a brand new password', t0)).toBe('unknown');
  });

  it('spend the other reset links once one is used', async () => {
    const first = await tokenSentBy(() => requestPasswordReset(db, jo.email, '10.0.0.1', t0));
    const second = await tokenSentBy(() => requestPasswordReset(db, jo.email, '10.0.0.1', minutes(1)));
    expect(second).not.toBe(first);
    expect(await resetPassword(db, second, 'a brand new password', minutes(2))).toBe('done');
    expect(resetLinkState(db, first, minutes(3))).toBe('used');
  });

  it('limit mail per address quietly, and requests per network address with a wait', () => {
    for (let i = 0; i < 5; i++) expect(requestPasswordReset(db, jo.email, '10.0.0.2', t0)).toEqual({ ok: true });
    expect(db.select({ n: count() }).from(emailTokens).get()?.n).toBe(3);
    for (let i = 0; i < 15; i++) requestPasswordReset(db, `someone-${i}@example.org`, '10.0.0.2', t0);
    const limited = requestPasswordReset(db, 'another@example.org', '10.0.0.2', t0);
    expect(limited.ok).toBe(false);
    if (!limited.ok) expect(limited.retryAfterSeconds).toBeGreaterThan(0);
  });
});

describe('email confirmation links', () => {
  it('confirm the sign-in address once; a second use or a late one changes nothing', async () => {
    const token = await tokenSentBy(async () => expect(await sendAccountVerification(db, jo, t0)).toEqual({ ok: true }));
    expect(isEmailVerified(db, jo)).toBe(false);
    expect(confirmEmailLink(db, token, minutes(10))).toEqual({ ok: true, purpose: 'verify-email', email: jo.email });
    expect(isEmailVerified(db, jo)).toBe(true);
    expect(confirmEmailLink(db, token, minutes(11))).toEqual({ ok: false, reason: 'used' });

    const late = await tokenSentBy(() => sendAccountVerification(db, sam, t0));
    expect(confirmEmailLink(db, late, minutes(3 * 24 * 60))).toEqual({ ok: false, reason: 'expired' });
    expect(isEmailVerified(db, sam)).toBe(false);
    expect(confirmEmailLink(db, 'no-such-token', t0)).toEqual({ ok: false, reason: 'unknown' });
  });

  it('are limited to five sends a person before a wait', async () => {
    for (let i = 0; i < 5; i++) expect((await sendAccountVerification(db, jo, t0)).ok).toBe(true);
    expect(await sendAccountVerification(db, jo, t0)).toMatchObject({ ok: false, reason: 'rate-limited' });
  });

  it('give full access from an NHS address, which can open one account only', async () => {
    expect(await sendNhsVerification(db, jo, 'jo.bloggs@nhs.net', t0)).toEqual({ ok: true });
    expect(await sendNhsVerification(db, sam, 'jo.bloggs@nhs.net', t0)).toEqual({ ok: true });
    const forJo = listOutbox(db).filter((m) => m.toAddress === 'jo.bloggs@nhs.net');
    expect(forJo).toHaveLength(2);
    const tokenFor = (name: string) => /\/verify-email\/([\w-]+)/.exec(forJo.find((m) => m.textBody.includes(`Dear ${name},`))!.textBody)![1]!;
    const joToken = tokenFor(jo.name);
    const samToken = tokenFor(sam.name);
    expect(confirmEmailLink(db, joToken, minutes(5))).toEqual({ ok: true, purpose: 'verify-nhs', email: 'jo.bloggs@nhs.net' });
    expect(upgradeFacts(db, jo.id, 'any-course')).toEqual({ code: false, nhs: true });
    // Confirming the NHS address is not confirming the sign-in address.
    expect(isEmailVerified(db, jo)).toBe(false);
    expect(confirmEmailLink(db, samToken, minutes(6))).toEqual({ ok: false, reason: 'taken' });
    expect(upgradeFacts(db, sam.id, 'any-course').nhs).toBe(false);
    expect(await sendNhsVerification(db, sam, 'jo.bloggs@nhs.net', minutes(7))).toEqual({ ok: false, reason: 'taken' });
  });

  it('refuse a non-NHS address offered as NHS with a clear message, storing and sending nothing', async () => {
    const result = await offerNhsAddress(db, jo, 'jo@gmail.com', t0);
    expect(result).toEqual({ ok: false, status: 400, message: expect.stringContaining('jo@gmail.com is not an NHS address') });
    expect(db.select({ n: count() }).from(emailTokens).get()?.n).toBe(0);
    expect(listOutbox(db)).toEqual([]);
    expect(await offerNhsAddress(db, jo, 'Jo@Exeter.NHS.uk', t0)).toEqual({ ok: true, email: 'jo@exeter.nhs.uk' });
  });
});
