import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/client';
import { sessions } from '../../../db/schema';
import { insertUser } from '../../../db/users';
import { HashedSessionAdapter } from '../../../src/lib/auth/session-adapter';
import { sha256Hex } from '../../../src/lib/auth/hash';
import { hashPassword, verifyPassword } from '../../../src/lib/auth/password';

describe('session storage', () => {
  it('keeps only the SHA-256 of a session token: a stored row used as a token opens nothing', async () => {
    const { db } = openDatabase(':memory:');
    insertUser(db, { id: 'u1', email: 'a@example.org', passwordHash: 'x', name: 'A', profession: 'nurse' });
    const adapter = new HashedSessionAdapter(() => db);
    const token = 'the-session-token-lucia-generated';
    await adapter.setSession({ id: token, userId: 'u1', expiresAt: new Date(Date.now() + 60_000), attributes: {} });

    const [row] = db.select().from(sessions).all();
    expect(row?.idHash).toBe(sha256Hex(token));
    expect(JSON.stringify(row)).not.toContain(token);

    const [session, user] = await adapter.getSessionAndUser(token);
    expect(session?.userId).toBe('u1');
    expect(user?.attributes).toMatchObject({ email: 'a@example.org', role: 'learner' });
    expect(await adapter.getSessionAndUser(row!.idHash)).toEqual([null, null]);

    await adapter.deleteSession(token);
    expect(db.select().from(sessions).all()).toEqual([]);
  });
});

describe('password hashing', () => {
  it('uses argon2id with at least 19 MiB and 2 passes, and verifies', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=1\$/);
    const [, m, t] = /m=(\d+),t=(\d+)/.exec(hash)!;
    expect(Number(m)).toBeGreaterThanOrEqual(19456);
    expect(Number(t)).toBeGreaterThanOrEqual(2);
    expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse battery staple ')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });
});
