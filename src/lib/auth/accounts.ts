import type { AstroCookies } from 'astro';
import type { Db } from '../../../db/client';
import { consumeTokens } from '../../../db/rate-limits';
import { findUserByEmail, findUserById, insertUser, updateUserPasswordHash, type UserRow } from '../../../db/users';
import type { Role } from '../../../db/schema';
import { rules } from '../rate-limit/bucket';
import { randomId } from './hash';
import { lucia } from './lucia';
import { hashPassword, verifyDecoy, verifyPassword } from './password';
import type { SignupInput } from './validation';

export type SignInResult =
  | { ok: true; user: UserRow }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'rate-limited'; retryAfterSeconds: number };

/** Creates an account; null when the email is taken. */
export async function createAccount(db: Db, input: SignupInput, role: Role = 'learner'): Promise<UserRow | null> {
  if (findUserByEmail(db, input.email)) return null;
  const passwordHash = await hashPassword(input.password);
  return insertUser(db, { id: randomId(), ...input, passwordHash, role });
}

/** Checks the password, within the per-account and per-address limits. Unknown email and wrong password look the same. */
export async function checkCredentials(db: Db, email: string, password: string, address: string): Promise<SignInResult> {
  const limit = consumeTokens(db, [
    { key: `signin:account:${email.toLowerCase()}`, rule: rules.signInAccount },
    { key: `signin:address:${address}`, rule: rules.signInAddress },
  ]);
  if (!limit.allowed) return { ok: false, reason: 'rate-limited', retryAfterSeconds: limit.retryAfterSeconds };
  const user = findUserByEmail(db, email);
  if (!user || user.disabledAt) {
    await verifyDecoy(password);
    return { ok: false, reason: 'invalid' };
  }
  return (await verifyPassword(user.passwordHash, password)) ? { ok: true, user } : { ok: false, reason: 'invalid' };
}

/** A fresh session for the user, with its cookie; any session the browser held before is ended (no fixation). */
export async function startSession(cookies: AstroCookies, userId: string): Promise<void> {
  const previous = cookies.get(lucia.sessionCookieName)?.value;
  if (previous) await lucia.invalidateSession(previous);
  const session = await lucia.createSession(userId, {});
  const cookie = lucia.createSessionCookie(session.id);
  cookies.set(cookie.name, cookie.value, cookie.attributes);
}

export async function endSession(cookies: AstroCookies, sessionId: string | undefined): Promise<void> {
  if (sessionId) await lucia.invalidateSession(sessionId);
  const blank = lucia.createBlankSessionCookie();
  cookies.set(blank.name, blank.value, blank.attributes);
}

/** Ends every session of the user on the server, this one included. */
export async function endAllSessions(cookies: AstroCookies, userId: string): Promise<void> {
  await lucia.invalidateUserSessions(userId);
  const blank = lucia.createBlankSessionCookie();
  cookies.set(blank.name, blank.value, blank.attributes);
}

/** Changes the password after checking the current one; every other session ends, this browser gets a new one. */
export async function changePassword(
  db: Db,
  cookies: AstroCookies,
  userId: string,
  current: string,
  next: string,
): Promise<boolean> {
  const user = findUserById(db, userId);
  if (!user || !(await verifyPassword(user.passwordHash, current))) return false;
  updateUserPasswordHash(db, userId, await hashPassword(next));
  await lucia.invalidateUserSessions(userId);
  await startSession(cookies, userId);
  return true;
}
