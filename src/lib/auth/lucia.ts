import { Lucia, TimeSpan } from 'lucia';
import { getDb } from '../../../db/client';
import { config } from '../../config';
import { HashedSessionAdapter } from './session-adapter';
import type { UserAttributes } from './user-attributes';

/** Sessions last 30 days and slide: Lucia extends one when less than half its life is left. */
export const lucia = new Lucia(new HashedSessionAdapter(getDb), {
  sessionExpiresIn: new TimeSpan(30, 'd'),
  sessionCookie: {
    name: 'session',
    attributes: { secure: config.secureCookies, sameSite: 'lax', path: '/' },
  },
  getUserAttributes: (attributes) => attributes,
});

declare module 'lucia' {
  interface Register {
    Lucia: typeof lucia;
    DatabaseUserAttributes: UserAttributes;
  }
}
