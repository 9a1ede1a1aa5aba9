/** What the fast lanes (src/server/fast-lane.ts) share: the signed-in learner, and answering as the pages do. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { User } from 'lucia';
import { config } from '../../config';
import { lucia } from '../auth/lucia';
import { securityHeaders, transportHeaders } from './headers';

/** The user of a valid session, with the cookie to send when Lucia renewed it; null leaves the request to Astro. */
export async function laneSession(req: IncomingMessage): Promise<{ user: User; renewed: Record<string, string> } | null> {
  const token = lucia.readSessionCookie(req.headers.cookie ?? '');
  if (!token) return null;
  const { session, user } = await lucia.validateSession(token);
  if (!session) return null;
  return { user, renewed: session.fresh ? { 'Set-Cookie': lucia.createSessionCookie(session.id).serialize() } : {} };
}

/** An answer for a signed-in person, with the headers src/middleware.ts gives every page. */
export function sendSignedIn(res: ServerResponse, status: number, body: string, headers: Record<string, string>): void {
  res.writeHead(status, {
    ...securityHeaders,
    ...transportHeaders(config.publicUrl),
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}
