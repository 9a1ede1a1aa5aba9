import { createHash, randomBytes } from 'node:crypto';

/** Hex SHA-256: what we store in place of any token, so a leaked table opens nothing. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** A random token for a link (256 bits, URL-safe). */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A random id for a row. */
export function randomId(): string {
  return randomBytes(15).toString('base64url');
}
