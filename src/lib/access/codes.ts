/** Access codes: their format, how they are stored, and why one cannot be redeemed. Pure. */
import { sha256Hex } from '../auth/hash';
import { formatCertificateNumber, generateCertificateNumber, parseCertificateNumber } from '../certificates/number';
import { formatLongDate } from '../pdf/layout';

/*
 * Codes use the certificate numbers' scheme: 16 Crockford base32 symbols (75 random bits and a check symbol),
 * shown as XXXX-XXXX-XXXX-XXXX. Typing is forgiving: spaces, dashes, lower case, I or L for 1 and O for 0;
 * the check symbol catches most typos before the database is asked.
 */

/** A new code in canonical form (no dashes, upper case). */
export const generateAccessCode = generateCertificateNumber;

/** XXXX-XXXX-XXXX-XXXX, as the admin's CSV shows it. */
export const formatAccessCode = formatCertificateNumber;

/** The canonical form of a code as someone typed it, or null when it cannot be a code. */
export const parseAccessCode = parseCertificateNumber;

/** What is stored in place of a code: 75 random bits need no slow hash. */
export function accessCodeHash(canonical: string): string {
  return sha256Hex(`access-code:${canonical}`);
}

export type CodeProblem = 'malformed' | 'unknown' | 'used' | 'expired';

/** Why a stored code cannot be redeemed now, or undefined when it can. */
export function codeProblem(code: { usedAt: Date | null; expiresAt: Date } | undefined, now: Date): CodeProblem | undefined {
  if (!code) return 'unknown';
  if (code.usedAt) return 'used';
  if (now.getTime() > code.expiresAt.getTime()) return 'expired';
  return undefined;
}

/** The message for a code that cannot be redeemed: what happened and what to do. */
export function codeProblemMessage(problem: CodeProblem, expiresAt?: Date): string {
  switch (problem) {
    case 'malformed':
      return 'That is not an access code. Codes have 16 letters and digits, like ABCD-EFGH-JKMN-PQRS: check for a typo.';
    case 'unknown':
      return 'That access code is not recognised. Check it against the one you were given.';
    case 'used':
      return 'That access code has already been used. Each code works once: ask whoever gave it to you for another.';
    case 'expired':
      return `That access code expired${expiresAt ? ` on ${formatLongDate(expiresAt)}` : ''}. Ask whoever gave it to you for a new one.`;
  }
}
