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

/** The body's declared length when it is at most `largest`; null for none (chunked), a false one, or more. */
export function declaredLength(headers: IncomingMessage['headers'], largest: number): number | null {
  const length = Number(headers['content-length']);
  return Number.isInteger(length) && length >= 0 && length <= largest ? length : null;
}

/** The body as text, read once the lane has taken the request; never more than its declared length. */
export function readBody(req: IncomingMessage, length: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > length) req.destroy(new Error('The body is longer than its Content-Length.'));
      else chunks.push(chunk);
    });
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
  });
}

/** An answer for a signed-in person, with the headers src/middleware.ts gives every page. */
export function sendSignedIn(res: ServerResponse, status: number, text: string, headers: Record<string, string>): void {
  // Encoded once: measuring the text's length and then writing it would read a large page twice.
  const body = Buffer.from(text, 'utf8');
  res.writeHead(status, {
    ...securityHeaders,
    ...transportHeaders(config.publicUrl),
    'Cache-Control': 'no-store',
    'Content-Length': body.length,
    // Tells an operator (and the tests) that a lane answered, not Astro.
    'Server-Timing': 'fast-lane',
    ...headers,
  });
  res.end(body);
}
