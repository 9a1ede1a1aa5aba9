/** Single-use links sent by email: made, stored as a hash, and read back. */
import type { Db } from '../../../db/client';
import { insertEmailToken, type EmailTokenRow } from '../../../db/email';
import type { EmailTokenPurpose } from '../../../db/schema';
import { randomToken, sha256Hex } from '../auth/hash';
import { linkTo } from './mailer';

const hour = 60 * 60 * 1000;

/** How long each kind of link works, and how the email says it. */
export const linkLifetimes: Record<EmailTokenPurpose, { ms: number; text: string }> = {
  'verify-email': { ms: 72 * hour, text: '3 days' },
  'verify-nhs': { ms: 72 * hour, text: '3 days' },
  'reset-password': { ms: hour, text: 'one hour' },
};

const paths: Record<EmailTokenPurpose, string> = {
  'verify-email': '/verify-email/',
  'verify-nhs': '/verify-email/',
  'reset-password': '/reset-password/',
};

export type LinkState = 'usable' | 'used' | 'expired' | 'unknown';

/** Whether a stored link can be used now, and if not, why. Pure. */
export function linkState(row: Pick<EmailTokenRow, 'usedAt' | 'expiresAt'> | undefined, now: Date): LinkState {
  if (!row) return 'unknown';
  if (row.usedAt) return 'used';
  return now.getTime() < row.expiresAt.getTime() ? 'usable' : 'expired';
}

/** Stores a new link's hash and returns its full address (from PUBLIC_URL). */
export function issueLink(db: Db, userId: string, purpose: EmailTokenPurpose, email: string, now = new Date()): string {
  const token = randomToken();
  insertEmailToken(db, {
    tokenHash: sha256Hex(token),
    userId,
    purpose,
    email: email.toLowerCase(),
    createdAt: now,
    expiresAt: new Date(now.getTime() + linkLifetimes[purpose].ms),
  });
  return linkTo(`${paths[purpose]}${token}`);
}
