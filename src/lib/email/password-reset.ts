/** Forgot your password: a single-use link valid for one hour; using it sets a new password and ends every session. */
import type { Db } from '../../../db/client';
import { findEmailToken, findVerifiedEmailOwner, recordVerifiedEmail, spendEmailTokens, useEmailToken } from '../../../db/email';
import { consumeTokens } from '../../../db/rate-limits';
import { deleteUserSessions } from '../../../db/sessions';
import { findUserByEmail, findUserById, updateUserPasswordHash } from '../../../db/users';
import { config } from '../../config';
import { sha256Hex } from '../auth/hash';
import { hashPassword } from '../auth/password';
import { rules } from '../rate-limit/bucket';
import { issueLink, linkLifetimes, linkState, type LinkState } from './links';
import { sendEmail } from './mailer';
import { passwordResetEmail } from './messages';

export type ResetRequest = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Sends a reset link if the address has an account. The answer is the same either way, and the email is sent
 * without waiting, so neither the words nor the time taken tell anyone whether the address has an account.
 * Requests are limited per network address (answered 429) and per email address (quietly: no more mail).
 */
export function requestPasswordReset(db: Db, email: string, address: string, now = new Date()): ResetRequest {
  const byAddress = consumeTokens(db, [{ key: `reset:address:${address}`, rule: rules.resetAddress }], now.getTime());
  if (!byAddress.allowed) return { ok: false, retryAfterSeconds: byAddress.retryAfterSeconds };
  const byEmail = consumeTokens(db, [{ key: `reset:email:${email.toLowerCase()}`, rule: rules.resetEmail }], now.getTime());
  const user = byEmail.allowed ? findUserByEmail(db, email) : undefined;
  if (user && !user.disabledAt) {
    const url = issueLink(db, user.id, 'reset-password', user.email, now);
    void sendEmail(db, user.email, passwordResetEmail(config.siteName, user.name, url, linkLifetimes['reset-password'].text));
  }
  return { ok: true };
}

/** Whether a reset link can still be used, for its page. */
export function resetLinkState(db: Db, token: string, now = new Date()): LinkState {
  const row = findEmailToken(db, sha256Hex(token));
  return row?.purpose === 'reset-password' ? linkState(row, now) : 'unknown';
}

/**
 * Sets the new password (already checked) and spends the link, ending every session of the account and every
 * other reset link. The address has now been shown to be the learner's, so it counts as verified too.
 */
export async function resetPassword(db: Db, token: string, password: string, now = new Date()): Promise<LinkState | 'done'> {
  const tokenHash = sha256Hex(token);
  const before = resetLinkState(db, token, now);
  if (before !== 'usable') return before;
  const passwordHash = await hashPassword(password);
  return db.transaction(
    (tx) => {
      const row = findEmailToken(tx, tokenHash);
      const user = row && findUserById(tx, row.userId);
      if (!row || !user || user.disabledAt) return 'unknown';
      if (!useEmailToken(tx, tokenHash, now)) return linkState(findEmailToken(tx, tokenHash), now);
      updateUserPasswordHash(tx, user.id, passwordHash);
      deleteUserSessions(tx, user.id);
      spendEmailTokens(tx, user.id, 'reset-password', now);
      const owner = findVerifiedEmailOwner(tx, 'account', user.email);
      if (row.email === user.email && (!owner || owner === user.id)) recordVerifiedEmail(tx, user.id, 'account', user.email, now);
      return 'done';
    },
    { behavior: 'immediate' },
  );
}
