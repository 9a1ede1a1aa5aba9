/** Confirming addresses by a link: the sign-in email (needed for a certificate) and an NHS address (full access). */
import type { Db } from '../../../db/client';
import { findEmailToken, findVerifiedEmail, findVerifiedEmailOwner, recordVerifiedEmail, useEmailToken, type EmailTokenRow } from '../../../db/email';
import { consumeTokens } from '../../../db/rate-limits';
import { findUserById } from '../../../db/users';
import { config } from '../../config';
import { sha256Hex } from '../auth/hash';
import { rules } from '../rate-limit/bucket';
import { issueLink, linkLifetimes, linkState, type LinkState } from './links';
import { sendEmail } from './mailer';
import { accountVerificationEmail, nhsVerificationEmail } from './messages';

interface Recipient {
  id: string;
  email: string;
  name: string;
}

/** Whether the user has confirmed the address they sign in with. */
export function isEmailVerified(db: Db, user: { id: string; email: string }): boolean {
  return findVerifiedEmail(db, user.id, 'account')?.email === user.email.toLowerCase();
}

export type SendResult = { ok: true } | { ok: false; reason: 'rate-limited'; retryAfterSeconds: number } | { ok: false; reason: 'taken' | 'failed' };

/** Sends the link that confirms the sign-in email, within the per-person limit on confirmation emails. */
export async function sendAccountVerification(db: Db, user: Recipient, now = new Date()): Promise<SendResult> {
  const limit = consumeTokens(db, [{ key: `confirm-email:${user.id}`, rule: rules.confirmationEmail }], now.getTime());
  if (!limit.allowed) return { ok: false, reason: 'rate-limited', retryAfterSeconds: limit.retryAfterSeconds };
  const url = issueLink(db, user.id, 'verify-email', user.email, now);
  const sent = await sendEmail(db, user.email, accountVerificationEmail(config.siteName, user.name, url, linkLifetimes['verify-email'].text));
  return sent ? { ok: true } : { ok: false, reason: 'failed' };
}

/** Sends a link to an NHS address (already checked to be one); refused when it opens another account already. */
export async function sendNhsVerification(db: Db, user: Recipient, nhsEmail: string, now = new Date()): Promise<SendResult> {
  const owner = findVerifiedEmailOwner(db, 'nhs', nhsEmail);
  if (owner && owner !== user.id) return { ok: false, reason: 'taken' };
  const limit = consumeTokens(db, [{ key: `confirm-email:${user.id}`, rule: rules.confirmationEmail }], now.getTime());
  if (!limit.allowed) return { ok: false, reason: 'rate-limited', retryAfterSeconds: limit.retryAfterSeconds };
  const url = issueLink(db, user.id, 'verify-nhs', nhsEmail, now);
  const sent = await sendEmail(db, nhsEmail, nhsVerificationEmail(config.siteName, user.name, url, linkLifetimes['verify-nhs'].text));
  return sent ? { ok: true } : { ok: false, reason: 'failed' };
}

/** A confirmation link as its page shows it: which address, for what, and whether it can still be used. */
export function readConfirmationLink(db: Db, token: string, now = new Date()): { state: LinkState; row?: EmailTokenRow } {
  const row = findEmailToken(db, sha256Hex(token));
  if (!row || row.purpose === 'reset-password') return { state: 'unknown' };
  return { state: linkState(row, now), row };
}

export type ConfirmResult =
  | { ok: true; purpose: 'verify-email' | 'verify-nhs'; email: string }
  | { ok: false; reason: Exclude<LinkState, 'usable'> | 'taken' };

/** Uses a confirmation link once, recording the address as verified; nothing changes unless it all succeeds. */
export function confirmEmailLink(db: Db, token: string, now = new Date()): ConfirmResult {
  const tokenHash = sha256Hex(token);
  return db.transaction(
    (tx): ConfirmResult => {
      const row = findEmailToken(tx, tokenHash);
      if (!row || row.purpose === 'reset-password') return { ok: false, reason: 'unknown' };
      const state = linkState(row, now);
      if (state !== 'usable') return { ok: false, reason: state };
      const kind = row.purpose === 'verify-nhs' ? 'nhs' : 'account';
      const owner = findVerifiedEmailOwner(tx, kind, row.email);
      if (owner && owner !== row.userId) return { ok: false, reason: 'taken' };
      // A sign-in link proves only the address it was sent to: if the account's email has changed since, it is stale.
      if (kind === 'account' && findUserById(tx, row.userId)?.email !== row.email) return { ok: false, reason: 'expired' };
      if (!useEmailToken(tx, tokenHash, now)) return { ok: false, reason: 'used' };
      recordVerifiedEmail(tx, row.userId, kind, row.email, now);
      return { ok: true, purpose: row.purpose, email: row.email };
    },
    { behavior: 'immediate' },
  );
}
