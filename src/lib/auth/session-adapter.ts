import type { Adapter, DatabaseSession, DatabaseUser } from 'lucia';
import type { Db } from '../../../db/client';
import * as store from '../../../db/sessions';
import { sha256Hex } from './hash';
import { userAttributes } from './user-attributes';

/**
 * Lucia's storage, keeping only the SHA-256 of each session token as Lucia's current guidance advises.
 * Lucia hands us the token as the session id; we hash it on every way in.
 */
export class HashedSessionAdapter implements Adapter {
  constructor(private readonly db: () => Db) {}

  async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const found = store.findSessionWithUser(this.db(), sha256Hex(sessionId));
    if (!found || found.user.disabledAt) return [null, null];
    return [
      { id: sessionId, userId: found.session.userId, expiresAt: found.session.expiresAt, attributes: {} },
      { id: found.user.id, attributes: userAttributes(found.user) },
    ];
  }

  async getUserSessions(userId: string): Promise<DatabaseSession[]> {
    // Only hashes are stored, so the ids handed back are hashes: enough to count or list, never to sign in.
    return store
      .listUserSessions(this.db(), userId)
      .map((s) => ({ id: s.idHash, userId: s.userId, expiresAt: s.expiresAt, attributes: {} }));
  }

  async setSession(session: DatabaseSession): Promise<void> {
    store.insertSession(this.db(), { idHash: sha256Hex(session.id), userId: session.userId, expiresAt: session.expiresAt });
  }

  async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    store.setSessionExpiry(this.db(), sha256Hex(sessionId), expiresAt);
  }

  async deleteSession(sessionId: string): Promise<void> {
    store.deleteSession(this.db(), sha256Hex(sessionId));
  }

  async deleteUserSessions(userId: string): Promise<void> {
    store.deleteUserSessions(this.db(), userId);
  }

  async deleteExpiredSessions(): Promise<void> {
    store.deleteExpiredSessions(this.db());
  }
}
