import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/client';
import { setupTokens } from '../../../db/schema';
import { findUsableToken, useToken } from '../../../db/setup-tokens';
import { insertUser } from '../../../db/users';
import { firstAdminLink } from '../../../src/lib/auth/first-run';
import { sha256Hex } from '../../../src/lib/auth/hash';

const publicUrl = new URL('https://cpd.example.org');

describe('the first-run admin link', () => {
  it('is printed while no admin exists, works once, and stores only a hash', () => {
    const { db } = openDatabase(':memory:');
    const link = firstAdminLink(db, publicUrl);
    expect(link).toMatch(/^https:\/\/cpd\.example\.org\/setup\/[\w-]{43}$/);
    const token = link!.split('/').at(-1)!;
    const rows = db.select().from(setupTokens).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).toBe(sha256Hex(token));
    expect(JSON.stringify(rows)).not.toContain(token);

    expect(findUsableToken(db, sha256Hex(token))).toBeDefined();
    expect(useToken(db, sha256Hex(token))).toBe(true);
    expect(useToken(db, sha256Hex(token))).toBe(false);
    expect(findUsableToken(db, sha256Hex(token))).toBeUndefined();
  });

  it('replaces an unused link at each start, and stops once there is an admin', () => {
    const { db } = openDatabase(':memory:');
    const first = firstAdminLink(db, publicUrl)!.split('/').at(-1)!;
    const second = firstAdminLink(db, publicUrl)!.split('/').at(-1)!;
    expect(findUsableToken(db, sha256Hex(first))).toBeUndefined();
    expect(findUsableToken(db, sha256Hex(second))).toBeDefined();
    insertUser(db, { id: 'a1', email: 'admin@example.org', passwordHash: 'x', name: 'Admin', profession: 'other', role: 'admin' });
    expect(firstAdminLink(db, publicUrl)).toBeNull();
  });

  it('expires after a day', () => {
    const { db } = openDatabase(':memory:');
    const made = new Date('2026-01-01T00:00:00Z');
    const token = firstAdminLink(db, publicUrl, made)!.split('/').at(-1)!;
    expect(findUsableToken(db, sha256Hex(token), new Date('2026-01-01T23:59:00Z'))).toBeDefined();
    expect(findUsableToken(db, sha256Hex(token), new Date('2026-01-02T00:01:00Z'))).toBeUndefined();
  });
});
