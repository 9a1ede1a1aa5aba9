import type { Db } from '../../../db/client';
import { replaceFirstAdminToken } from '../../../db/setup-tokens';
import { countAdmins } from '../../../db/users';
import { randomToken, sha256Hex } from './hash';

const linkLifetimeMs = 24 * 60 * 60 * 1000;

/** With no admin yet, makes a one-time link that creates one; null once an admin exists. */
export function firstAdminLink(db: Db, publicUrl: URL, now = new Date()): string | null {
  if (countAdmins(db) > 0) return null;
  const token = randomToken();
  replaceFirstAdminToken(db, sha256Hex(token), now, new Date(now.getTime() + linkLifetimeMs));
  return new URL(`/setup/${token}`, publicUrl).toString();
}
